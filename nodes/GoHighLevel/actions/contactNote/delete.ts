import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { noteIdParam, NOTE } from './fields';

export const deleteNote: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a note of a contact',
	description: 'Delete a note permanently',
	method: 'DELETE',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.write'],
	params: [contactIdParam, noteIdParam],
	output: { confirm: true },
};
