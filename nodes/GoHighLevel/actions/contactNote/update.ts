import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { noteIdParam, optional, noteFields, NOTE } from './fields';

export const update: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'update',
	name: 'Update',
	action: 'Update a note of a contact',
	description: 'Change a note; fields left out keep their values',
	method: 'PUT',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.write'],
	params: [contactIdParam, noteIdParam, noteFields('updateFields', 'Update Fields', optional)],
	output: { root: 'note' },
};
