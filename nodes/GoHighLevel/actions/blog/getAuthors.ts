import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { offsetPaging } from './fields';

export const getAuthors: OperationDeclaration = {
	resource: 'blog',
	operation: 'getAuthors',
	name: 'Get Authors',
	action: 'Get blog authors',
	description: 'List the blog authors of the location',
	method: 'GET',
	path: '/blogs/authors',
	version: VERSION,
	scopes: ['blogs/author.readonly'],
	location: { in: 'query' },
	params: [],
	paging: offsetPaging,
	output: { root: 'authors', list: true },
};
