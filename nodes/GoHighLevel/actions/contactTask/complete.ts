import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { taskIdParam, completed, TASK, taskOutput } from './fields';

export const complete: OperationDeclaration = {
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
