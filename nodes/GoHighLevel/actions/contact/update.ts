import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS, UPDATE_FIELDS, contactFieldsParam, contactIdParam, customFieldsParam } from './fields';

export const update: OperationDeclaration = {
	resource: 'contact',
	operation: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change fields of an existing contact; fields left out keep their values',
	method: 'PUT',
	path: '/contacts/{contactId}',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	customFields: 'contact',
	params: [
		contactIdParam,
		contactFieldsParam('updateFields', 'Update Fields', UPDATE_FIELDS, 'Replaces all tags of the contact'),
		customFieldsParam,
	],
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
};
