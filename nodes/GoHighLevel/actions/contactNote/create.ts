import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration } from '../../engine/declarations';
import { body, optional, noteFields, NOTE } from './fields';

export const create: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'create',
	name: 'Create',
	action: 'Create a note for a contact',
	description: 'Add a note to a contact',
	method: 'POST',
	path: '/contacts/{contactId}/notes',
	scopes: ['contacts.write'],
	params: [contactIdParam, { property: { ...body, required: true }, send: { in: 'body' } }, noteFields('additionalFields', 'Additional Fields', optional.slice(1))],
	output: { root: 'note' },
	earlierAttempt: { path: '/contacts/{contactId}/notes', version: '2021-07-28', scopes: ['contacts.readonly'], root: 'notes', match: { body: 'body.body' }, createdAt: 'dateAdded' },
};
