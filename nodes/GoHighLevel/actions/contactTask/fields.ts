import type { INodeProperties } from 'n8n-workflow';
import { collection, recordLocator, userPicker, VERSION } from '../kit';

export const taskIdParam = recordLocator({
	name: 'taskId',
	displayName: 'Task',
	searchMethod: 'searchTasks',
	send: { in: 'path' },
	description: 'A task of the contact',
});

export const assignedTo: INodeProperties = userPicker('assignedTo', 'Assigned To', { description: 'User responsible for the task' });

export const body: INodeProperties = { displayName: 'Description', name: 'body', type: 'string', typeOptions: { rows: 3 }, default: '' };

export const completed: INodeProperties = { displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done' };

export const dueDate: INodeProperties = { displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'When the task is due' };

export const title: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '' };

export const TASK = { version: VERSION, location: { in: 'token' as const } };

export const taskOutput = { root: 'task' };

export const taskFields = (name: string, displayName: string, options: INodeProperties[]) => collection(name, displayName, options, { dueDate: { send: { as: 'dateTime' } } });
