import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { taskIdParam, TASK, taskOutput } from './fields';

export const get: OperationDeclaration = {
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
