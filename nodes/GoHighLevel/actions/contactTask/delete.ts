import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { taskIdParam, TASK } from './fields';

export const deleteTask: OperationDeclaration = {
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
