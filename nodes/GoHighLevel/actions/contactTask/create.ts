import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { assignedTo, body, completed, dueDate, title, TASK, taskOutput, taskFields } from './fields';

export const create: OperationDeclaration = {
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
