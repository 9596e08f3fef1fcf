import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { contactIdParam } from './fields';

export const deleteContact: OperationDeclaration = {
	resource: 'contact',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact permanently',
	method: 'DELETE',
	path: '/contacts/{contactId}',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [contactIdParam],
	output: { confirm: true },
};
