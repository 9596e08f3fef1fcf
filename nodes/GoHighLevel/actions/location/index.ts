import { text, VERSION } from '../kit';
import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';

export const search: OperationDeclaration = {
	resource: 'location',
	operation: 'search',
	name: 'Search',
	action: 'Search locations',
	description: 'List the sub-accounts of the agency, optionally by email',
	method: 'GET',
	path: '/locations/search',
	version: VERSION,
	scopes: ['locations.readonly'],
	company: { in: 'query' },
	params: [
		{ property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only the location with this email' }, send: { in: 'query' }, validate: 'email' },
		{
			property: {
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
			},
			send: { in: 'query' },
		},
	],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { root: 'locations', list: true },
};

export const get: OperationDeclaration = {
	resource: 'location',
	operation: 'get',
	name: 'Get',
	action: 'Get a location',
	description: 'Retrieve a sub-account with its settings (the node’s Location, or the credential’s)',
	method: 'GET',
	path: '/locations/{locationId}',
	version: VERSION,
	scopes: ['locations.readonly'],
	location: { in: 'path' },
	params: [],
	output: { root: 'location' },
};

export const create: OperationDeclaration = {
	resource: 'location',
	operation: 'create',
	name: 'Create',
	action: 'Create a location',
	description: 'Create a sub-account in the agency',
	method: 'POST',
	path: '/locations/',
	version: VERSION,
	scopes: ['locations.write'],
	agencyOnly: true,
	company: { in: 'body' },
	params: [
		{ property: text('Name', 'name', { required: true }), send: { in: 'body' } },
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					text('Address', 'address'),
					text('City', 'city'),
					text('Country Code', 'country', { placeholder: 'US', description: 'Two-letter ISO country code' }),
					text('Phone', 'phone', { placeholder: '+14155550100' }),
					text('Postal Code', 'postalCode'),
					text('Snapshot ID', 'snapshotId', { description: 'Snapshot to load into the new sub-account' }),
					text('State', 'state'),
					text('Timezone', 'timezone', { placeholder: 'America/New_York' }),
					text('Website', 'website'),
				],
			},
			send: { in: 'body' },
			fields: { phone: { validate: 'phone' }, website: { validate: 'url' }, snapshotId: { send: { name: 'snapshotId' }, validate: 'id' } },
		},
	],
	output: {},
};

export const listCustomFields: OperationDeclaration = {
	resource: 'location',
	operation: 'listCustomFields',
	name: 'List Custom Fields',
	action: 'List custom fields of a location',
	description: 'List the custom fields of contacts, opportunities or both',
	method: 'GET',
	path: '/locations/{locationId}/customFields',
	version: VERSION,
	scopes: ['locations/customFields.readonly'],
	location: { in: 'path' },
	params: [
		{
			property: {
				displayName: 'Model',
				name: 'model',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Opportunity', value: 'opportunity' },
				],
				default: 'all',
			},
			send: { in: 'query' },
		},
	],
	output: { root: 'customFields', list: true },
};

export const getCompany: OperationDeclaration = {
	resource: 'location',
	operation: 'getCompany',
	name: 'Get Company',
	action: 'Get the agency company',
	description: 'Retrieve the agency (company) record',
	method: 'GET',
	path: '/companies/{companyId}',
	version: VERSION,
	scopes: ['companies.readonly'],
	agencyOnly: true,
	company: { in: 'path' },
	params: [],
	output: { root: 'company' },
};

export const locationResource: ResourceInfo = {
	area: 'crm',
	value: 'location',
	name: 'Location',
	description: 'Sub-accounts, their custom fields, and the agency',
};
