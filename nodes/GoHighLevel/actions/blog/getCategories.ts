import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { offsetPaging } from './fields';

export const getCategories: OperationDeclaration = {
	resource: 'blog',
	operation: 'getCategories',
	name: 'Get Categories',
	action: 'Get blog categories',
	description: 'List the blog categories of the location',
	method: 'GET',
	path: '/blogs/categories',
	version: VERSION,
	scopes: ['blogs/category.readonly'],
	location: { in: 'query' },
	params: [],
	paging: offsetPaging,
	output: { root: 'categories', list: true },
};
