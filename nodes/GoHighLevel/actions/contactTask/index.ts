import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration, ParamDeclaration, ResourceDeclaration } from '../types';

const taskIdParam = recordLocator({
	name: 'taskId',
	displayName: 'Task',
	searchMethod: 'searchTasks',
	send: { in: 'path' },
	description: 'A task of the contact',
});

const assignedTo: INodeProperties = {
	displayName: 'Assigned To Name or ID',
	name: 'assignedTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'User responsible for the task. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
const body: INodeProperties = { displayName: 'Description', name: 'body', type: 'string', typeOptions: { rows: 3 }, default: '' };
const completed: INodeProperties = { displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done' };
const dueDate: INodeProperties = { displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'When the task is due' };
const title: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '' };

const TASK = { version: '2021-07-28' as const, location: { in: 'token' as const } };
const taskOutput = { root: 'task' };

function taskFields(name: string, displayName: string, options: INodeProperties[]): ParamDeclaration {
	return {
		property: { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options },
		send: { in: 'body' },
		fields: { dueDate: { send: { as: 'dateTime' } } },
	};
}

const create: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'create',
	name: 'Create',
	action: 'Create a task for a contact',
	description: 'Add a to-do for a contact',
	method: 'POST',
	path: '/contacts/{contactId}/tasks',
	scopes: ['contacts.write'],
	params: [
		contactIdParam,
		{ property: { ...title, required: true }, send: { in: 'body' } },
		{ property: { ...dueDate, required: true }, send: { in: 'body', as: 'dateTime' } },
		{ property: completed, send: { in: 'body' } },
		taskFields('additionalFields', 'Additional Fields', [assignedTo, body]),
	],
	output: taskOutput,
	earlierAttempt: {
		path: '/contacts/{contactId}/tasks', version: '2021-07-28', scopes: ['contacts.readonly'], root: 'tasks',
		match: { title: 'body.title', dueDate: 'body.dueDate' }, createdAt: 'dateAdded',
	},
};

const get: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'get',
	name: 'Get',
	action: 'Get a task of a contact',
	description: 'Retrieve one task of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/tasks/{taskId}',
	scopes: ['contacts.readonly'],
	params: [contactIdParam, taskIdParam],
	output: taskOutput,
};

const getAll: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get tasks of a contact',
	description: 'List the tasks of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/tasks',
	scopes: ['contacts.readonly'],
	params: [contactIdParam],
	output: { root: 'tasks', list: true },
};

const update: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'update',
	name: 'Update',
	action: 'Update a task of a contact',
	description: 'Change a task; fields left out keep their values',
	method: 'PUT',
	path: '/contacts/{contactId}/tasks/{taskId}',
	scopes: ['contacts.write'],
	params: [contactIdParam, taskIdParam, taskFields('updateFields', 'Update Fields', [assignedTo, completed, body, dueDate, title])],
	output: taskOutput,
};

const complete: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'complete',
	name: 'Complete',
	action: 'Mark a task of a contact as completed',
	description: 'Mark a task done, or open it again',
	method: 'PUT',
	path: '/contacts/{contactId}/tasks/{taskId}/completed',
	scopes: ['contacts.write'],
	params: [
		contactIdParam,
		taskIdParam,
		{ property: { ...completed, default: true, description: 'Whether the task is done; turn off to reopen it' }, send: { in: 'body' } },
	],
	output: taskOutput,
};

const deleteTask: OperationDeclaration = {
	...TASK,
	resource: 'contactTask',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a task of a contact',
	description: 'Delete a task permanently',
	method: 'DELETE',
	path: '/contacts/{contactId}/tasks/{taskId}',
	scopes: ['contacts.write'],
	params: [contactIdParam, taskIdParam],
	output: { confirm: true },
};

export const contactTaskResource: ResourceDeclaration = {
	value: 'contactTask',
	name: 'Contact Task',
	description: 'To-dos attached to a contact',
	operations: [complete, create, deleteTask, get, getAll, update],
};
