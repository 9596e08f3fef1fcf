import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { TASK } from './fields';

export const getAll: OperationDeclaration = {
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
