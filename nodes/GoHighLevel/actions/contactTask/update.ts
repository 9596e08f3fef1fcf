import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { taskIdParam, assignedTo, body, completed, dueDate, title, TASK, taskOutput, taskFields } from './fields';

export const update: OperationDeclaration = {
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
