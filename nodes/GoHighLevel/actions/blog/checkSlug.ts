import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const checkSlug: OperationDeclaration = {
	resource: 'blog',
	operation: 'checkSlug',
	name: 'Check URL Slug',
	action: 'Check whether a post URL slug is taken',
	description: 'Check that a URL slug is free before creating or renaming a post',
	method: 'GET',
	path: '/blogs/posts/url-slug-exists',
	version: VERSION,
	scopes: ['blogs/check-slug.readonly'],
	location: { in: 'query' },
	params: [
		{ property: { displayName: 'URL Slug', name: 'urlSlug', type: 'string', default: '', required: true }, send: { in: 'query' } },
		{ property: { displayName: 'Post ID', name: 'postId', type: 'string', default: '', description: 'The post being renamed (its own slug counts as free)' }, send: { in: 'query' }, validate: 'id' },
	],
	output: {},
};
