import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { prepareContent, postParams } from './fields';

export const updatePost: OperationDeclaration = {
	resource: 'blog',
	operation: 'updatePost',
	name: 'Update Post',
	action: 'Update a blog post',
	description: 'Replace a blog post (HighLevel expects every field again)',
	method: 'PUT',
	path: '/blogs/posts/{postId}',
	version: VERSION,
	scopes: ['blogs/post-update.write'],
	location: { in: 'body' },
	params: [{ property: { displayName: 'Post ID', name: 'postId', type: 'string', default: '', required: true }, send: { in: 'path' }, validate: 'id' }, ...postParams(true)],
	prepare: prepareContent,
	output: { root: 'updatedBlogPost|data|' },
};
