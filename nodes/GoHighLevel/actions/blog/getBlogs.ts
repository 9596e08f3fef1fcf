import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { offsetPaging } from './fields';

export const getBlogs: OperationDeclaration = {
	resource: 'blog',
	operation: 'getBlogs',
	name: 'Get Blogs',
	action: 'Get blogs of a location',
	description: 'List the blogs of the location',
	method: 'GET',
	path: '/blogs/site/all',
	version: VERSION,
	scopes: ['blogs/list.readonly'],
	location: { in: 'query' },
	params: [{ property: { displayName: 'Search', name: 'searchTerm', type: 'string', default: '' }, send: { in: 'query' } }],
	paging: { ...offsetPaging, offset: 'skip' },
	output: { root: 'data', list: true },
};
