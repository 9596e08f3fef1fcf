import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { noteIdParam, NOTE } from './fields';

export const get: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'get',
	name: 'Get',
	action: 'Get a note of a contact',
	description: 'Retrieve one note of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.readonly'],
	params: [contactIdParam, noteIdParam],
	output: { root: 'note' },
};
