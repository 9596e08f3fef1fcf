import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS, type, role } from './fields';

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
