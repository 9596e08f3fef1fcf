import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

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
