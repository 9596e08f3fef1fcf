import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { blogId, offsetPaging, statusOptions } from './fields';

export const getPosts: OperationDeclaration = {
	resource: 'blog',
	operation: 'getPosts',
	name: 'Get Posts',
	action: 'Get posts of a blog',
	description: 'List the posts of a blog, optionally by status or text',
	method: 'GET',
	path: '/blogs/posts/all',
	version: VERSION,
	scopes: ['blogs/posts.readonly'],
	location: { in: 'query' },
	params: [
		blogId({ in: 'query' }),
		{ property: { displayName: 'Search', name: 'searchTerm', type: 'string', default: '' }, send: { in: 'query' } },
		{ property: { displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Any', value: '' }, ...statusOptions], default: '' }, send: { in: 'query' } },
	],
	paging: offsetPaging,
	output: { root: 'blogs|posts', list: true },
};
