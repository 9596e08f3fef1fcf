import type { OperationDeclaration } from '../types';
import { CONTACT_SIMPLE_FIELDS, CREATE_FIELDS, contactFieldsParam, customFieldsParam, emailParam, phoneParam } from './fields';

export const create: OperationDeclaration = {
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a new contact in the location',
	method: 'POST',
	path: '/contacts/',
	version: '2021-07-28',
	scopes: ['contacts.write'],
	location: { in: 'body' },
	customFields: 'contact',
	params: [emailParam, phoneParam, contactFieldsParam('additionalFields', 'Additional Fields', CREATE_FIELDS), customFieldsParam],
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
	// The location's duplicate rule matches on email, then phone: so does the check for an earlier try.
	earlierAttempt: {
		path: '/contacts/search/duplicate',
		version: '2021-07-28',
		scopes: ['contacts.readonly'],
		query: { locationId: 'location', email: 'body.email', number: 'body.phone' },
		root: 'contact',
		match: {},
	},
};
