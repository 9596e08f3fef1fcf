import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

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
