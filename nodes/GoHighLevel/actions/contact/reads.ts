import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS, contactIdParam } from './fields';

export const getAppointments: OperationDeclaration = {
	resource: 'contact',
	operation: 'getAppointments',
	name: 'Get Appointments',
	action: 'Get appointments of a contact',
	description: 'List the calendar appointments booked for a contact',
	method: 'GET',
	path: '/contacts/{contactId}/appointments',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'token' },
	params: [contactIdParam],
	output: { root: 'events', list: true },
};

export const getManyByBusiness: OperationDeclaration = {
	resource: 'contact',
	operation: 'getManyByBusiness',
	name: 'Get Many by Business',
	action: 'Get contacts of a business',
	description: 'List the contacts linked to a business',
	method: 'GET',
	path: '/contacts/business/{businessId}',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'query' },
	customFields: 'contact',
	params: [
		recordLocator({ name: 'businessId', displayName: 'Business', searchMethod: 'searchBusinesses', send: { in: 'path' } }),
		{
			property: { displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text to filter the contacts by' },
			send: { in: 'query' },
		},
	],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { root: 'contacts', list: true, simplify: CONTACT_SIMPLE_FIELDS },
};

export const getDuplicate: OperationDeclaration = {
	resource: 'contact',
	operation: 'getDuplicate',
	name: 'Get Duplicate',
	action: 'Get the duplicate of a contact',
	description:
		'Find the contact HighLevel would treat as a duplicate of an email or phone, following the location’s duplicate settings. Outputs nothing when there is none.',
	method: 'GET',
	path: '/contacts/search/duplicate',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'query' },
	customFields: 'contact',
	requireAnyOf: ['email', 'number'],
	params: [
		{
			property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			send: { in: 'query' },
			validate: 'email',
		},
		{
			property: { displayName: 'Phone', name: 'number', type: 'string', placeholder: '+14155550100', default: '' },
			send: { in: 'query' },
			validate: 'phone',
		},
	],
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
};
