import type { OperationDeclaration } from '../../engine/declarations';
import { resourceType, resourceBase } from './fields';

export const getAll: OperationDeclaration = {
	...resourceBase,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get rooms or equipment',
	description: 'List the rooms or equipment of the location',
	method: 'GET',
	path: '/calendars/resources/{resourceType}',
	scopes: ['calendars/resources.readonly'],
	location: { in: 'query' },
	params: [resourceType],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { list: true },
};
