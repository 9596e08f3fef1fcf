import type { INodeProperties } from 'n8n-workflow';

import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';

const USER_SIMPLE_FIELDS = ['id', 'name', 'firstName', 'lastName', 'email', 'phone', 'roles'];

const userId = recordLocator({ name: 'userId', displayName: 'User', searchMethod: 'searchUsers', send: { in: 'path' } });

const type: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Account (Sub-Account User)', value: 'account' },
		{ name: 'Agency', value: 'agency' },
	],
	default: 'account',
};
const role: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Admin', value: 'admin' },
		{ name: 'User', value: 'user' },
	],
	default: 'user',
};
const locationIds: INodeProperties = {
	displayName: 'Location IDs',
	name: 'locationIds',
	type: 'string',
	default: '',
	description: 'Comma-separated sub-accounts the user may access',
};
const optional: INodeProperties[] = [
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+14155550100' },
	{
		displayName: 'Language',
		name: 'platformLanguage',
		type: 'options',
		options: [
			['Danish', 'da'], ['Dutch', 'nl'], ['English (US)', 'en_US'], ['Finnish', 'fi'], ['French (Canada)', 'fr_CA'], ['French (France)', 'fr_FR'],
			['German', 'de'], ['Italian', 'it'], ['Norwegian', 'no'], ['Portuguese (Brazil)', 'pt_BR'], ['Portuguese (Portugal)', 'pt_PT'], ['Spanish', 'es'], ['Swedish', 'sv'],
		].map(([name, value]) => ({ name, value })),
		default: 'en_US',
	},
	{ displayName: 'Permissions (JSON)', name: 'permissions', type: 'json', default: '{}', description: 'HighLevel permission flags, e.g. {"campaignsEnabled":true,"contactsEnabled":true}' },
	{ displayName: 'Profile Photo URL', name: 'profilePhoto', type: 'string', default: '' },
];
const fieldMapping = {
	locationIds: { send: { as: 'list' as const } },
	permissions: { send: { as: 'json' as const } },
	email: { validate: 'email' as const },
	phone: { validate: 'phone' as const },
	profilePhoto: { validate: 'url' as const },
};

export const search: OperationDeclaration = {
	resource: 'user',
	operation: 'search',
	name: 'Search',
	action: 'Search users',
	description: 'Find users of the agency or of one sub-account by name or email',
	method: 'GET',
	path: '/users/search',
	version: VERSION,
	scopes: ['users.readonly'],
	company: { in: 'query' },
	params: [
		{ property: { displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text matched against name and email' }, send: { in: 'query' } },
		{
			property: {
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Location ID', name: 'locationId', type: 'string', default: '', description: 'Only users of this sub-account' },
					{ ...role, default: 'admin' },
					{ ...type, default: 'account' },
				],
			},
			send: { in: 'query' },
			fields: { locationId: { validate: 'id' } },
		},
	],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { root: 'users', list: true, simplify: USER_SIMPLE_FIELDS },
};

export const filterByEmail: OperationDeclaration = {
	resource: 'user',
	operation: 'filterByEmail',
	name: 'Filter by Email',
	action: 'Find agency users by email',
	description: 'Find users of the agency by email addresses',
	method: 'POST',
	path: '/users/search/filter-by-email',
	version: VERSION,
	scopes: ['users.readonly'],
	idempotent: true,
	agencyOnly: true,
	company: { in: 'body' },
	params: [
		{
			property: { displayName: 'Emails', name: 'emails', type: 'string', default: '', required: true, placeholder: 'ana@example.com,bo@example.com', description: 'Comma-separated email addresses' },
			send: { in: 'body' },
		},
		{ property: { displayName: 'Include Deleted', name: 'deleted', type: 'boolean', default: false, description: 'Whether to include deleted users' }, send: { in: 'body' } },
	],
	output: { root: 'users', list: true, simplify: USER_SIMPLE_FIELDS },
};

export const get: OperationDeclaration = {
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Retrieve one user',
	method: 'GET',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.readonly'],
	params: [userId],
	output: { simplify: USER_SIMPLE_FIELDS },
};

export const listByLocation: OperationDeclaration = {
	resource: 'user',
	operation: 'listByLocation',
	name: 'List by Location (Deprecated)',
	action: 'List users of a location (deprecated endpoint)',
	description: 'List the users of a sub-account with the deprecated GET /users/ endpoint; prefer Search',
	deprecated: 'HighLevel has deprecated this endpoint. Use the Search operation with a Location ID filter.',
	method: 'GET',
	path: '/users/',
	version: VERSION,
	scopes: ['users.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'users', list: true, simplify: USER_SIMPLE_FIELDS },
};

export const create: OperationDeclaration = {
	resource: 'user',
	operation: 'create',
	name: 'Create',
	action: 'Create a user',
	description: 'Invite a team member to the agency or to sub-accounts',
	method: 'POST',
	path: '/users/',
	version: VERSION,
	scopes: ['users.write'],
	company: { in: 'body' },
	params: [
		{ property: { displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true }, send: { in: 'body' }, validate: 'email' },
		{ property: { displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true }, send: { in: 'body' } },
		{ property: type, send: { in: 'body' } },
		{ property: role, send: { in: 'body' } },
		{ property: { ...locationIds, required: true }, send: { in: 'body', as: 'list' } },
		{
			property: { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optional },
			send: { in: 'body' },
			fields: fieldMapping,
		},
	],
	output: { simplify: USER_SIMPLE_FIELDS },
};

export const update: OperationDeclaration = {
	resource: 'user',
	operation: 'update',
	name: 'Update',
	action: 'Update a user',
	description: 'Change a user; fields left out keep their values',
	method: 'PUT',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.write'],
	params: [
		userId,
		{
			property: {
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					locationIds,
					{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
					role,
					type,
					...optional,
				],
			},
			send: { in: 'body' },
			fields: fieldMapping,
		},
	],
	output: { simplify: USER_SIMPLE_FIELDS },
};

export const deleteUser: OperationDeclaration = {
	resource: 'user',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a user',
	description: 'Remove a user',
	method: 'DELETE',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.write'],
	params: [userId],
	output: { confirm: true },
};

export const userResource: ResourceInfo = {
	area: 'crm',
	value: 'user',
	name: 'User',
	description: 'Team members of the agency and its sub-accounts',
};
