import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { prepareContent, postParams } from './fields';

export const createPost: OperationDeclaration = {
	resource: 'blog',
	operation: 'createPost',
	name: 'Create Post',
	action: 'Create a blog post',
	description: 'Write a blog post as HTML, as a draft or published',
	method: 'POST',
	path: '/blogs/posts',
	version: VERSION,
	scopes: ['blogs/post.write'],
	location: { in: 'body' },
	params: postParams(true),
	prepare: prepareContent,
	output: { root: 'data|' },
};
