import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';

const businessId = recordLocator({ name: 'businessId', displayName: 'Business', searchMethod: 'searchBusinesses', send: { in: 'path' } });

const fields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Country', name: 'country', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];
const nameField: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };
const validation = { email: { validate: 'email' as const }, phone: { validate: 'phone' as const }, website: { validate: 'url' as const } };

export const get: OperationDeclaration = {
	resource: 'business',
	operation: 'get',
	name: 'Get',
	action: 'Get a business',
	description: 'Retrieve one business',
	method: 'GET',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.readonly'],
	location: { in: 'token' },
	params: [businessId],
	output: { root: 'business' },
};

export const getAll: OperationDeclaration = {
	resource: 'business',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get businesses',
	description: 'List the businesses of the location',
	method: 'GET',
	path: '/businesses/',
	version: VERSION,
	scopes: ['businesses.readonly'],
	location: { in: 'query' },
	params: [],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { root: 'businesses', list: true },
};

export const create: OperationDeclaration = {
	resource: 'business',
	operation: 'create',
	name: 'Create',
	action: 'Create a business',
	description: 'Create a business (company record) that contacts can belong to',
	method: 'POST',
	path: '/businesses/',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'body' },
	params: [
		{ property: { displayName: 'Name', name: 'name', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: fields }, send: { in: 'body' }, fields: validation },
	],
	// The spec spells the response property "buiseness".
	output: { root: 'business|buiseness' },
};

export const update: OperationDeclaration = {
	resource: 'business',
	operation: 'update',
	name: 'Update',
	action: 'Update a business',
	description: 'Change a business; fields left out keep their values',
	method: 'PUT',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'token' },
	params: [
		businessId,
		{
			property: {
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [...fields, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
			send: { in: 'body' },
			fields: validation,
		},
	],
	output: { root: 'business|buiseness' },
};

export const deleteBusiness: OperationDeclaration = {
	resource: 'business',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a business',
	description: 'Delete a business; its contacts stay',
	method: 'DELETE',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'token' },
	params: [businessId],
	output: { confirm: true },
};

export const bulkUpdateContacts: OperationDeclaration = {
	resource: 'business',
	operation: 'bulkUpdateContacts',
	name: 'Add or Remove Contacts',
	action: 'Add contacts to or remove them from a business',
	description: 'Link many contacts to a business, or unlink them from their business',
	method: 'POST',
	path: '/contacts/bulk/business',
	version: VERSION,
	scopes: [],
	location: { in: 'body' },
	params: [
		{
			property: {
				displayName: 'Action',
				name: 'action',
				type: 'options',
				options: [
					{ name: 'Add Contacts to Business', value: 'add' },
					{ name: 'Remove Contacts From Their Business', value: 'remove' },
				],
				default: 'add',
			},
		},
		{ ...businessId, send: { in: 'body' }, property: { ...businessId.property, displayOptions: { show: { action: ['add'] } } } },
		{
			property: { displayName: 'Contact IDs', name: 'ids', type: 'string', default: '', required: true, description: 'Comma-separated contact IDs, or an array from an expression' },
			send: { in: 'body', as: 'list' },
		},
	],
	async run(runtime) {
		const { body } = runtime.parts;
		// HighLevel unlinks contacts when businessId is null.
		const payload: IDataObject = { ...body, businessId: body.businessId ?? null };
		const response = await runtime.request({ method: 'POST', path: '/contacts/bulk/business', body: payload, version: VERSION, scopes: [] });
		return [response.body as IDataObject];
	},
	output: {},
};

export const businessResource: ResourceInfo = {
	area: 'crm',
	value: 'business',
	name: 'Business',
	description: 'Companies that contacts belong to',
};
