import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { NOTE } from './fields';

export const getAll: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get notes of a contact',
	description: 'List the notes of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/notes',
	scopes: ['contacts.readonly'],
	params: [contactIdParam],
	output: { root: 'notes', list: true },
};
