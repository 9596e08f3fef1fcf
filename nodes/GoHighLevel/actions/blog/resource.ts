import type { ResourceInfo } from '../../engine/declarations';

export const blogResource: ResourceInfo = {
	area: 'marketing',
	value: 'blog',
	name: 'Blog',
	description: 'Blogs, posts, authors and categories',
	defaultOperation: 'getBlogs',
	operationOrder: ['getBlogs', 'getPosts', 'getAuthors', 'getCategories', 'checkSlug', 'createPost', 'updatePost'],
};
