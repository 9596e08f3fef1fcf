import type { OperationDeclaration } from '../../engine/declarations';
import { base } from './fields';

export const getAll: OperationDeclaration = {
	...base,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get calendar groups',
	description: 'List the calendar groups of the location',
	method: 'GET',
	path: '/calendars/groups',
	scopes: ['calendars/groups.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'groups', list: true },
};
