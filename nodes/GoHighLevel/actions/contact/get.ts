import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS, contactIdParam } from './fields';

export const get: OperationDeclaration = {
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Retrieve one contact by its ID',
	method: 'GET',
	path: '/contacts/{contactId}',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'token' },
	customFields: 'contact',
	params: [contactIdParam],
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
};
