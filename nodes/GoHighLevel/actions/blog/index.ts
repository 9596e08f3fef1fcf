import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration, ParamDeclaration, ResourceInfo, SendTo } from '../../engine/declarations';

const blogId = (send: SendTo) => recordLocator({ name: 'blogId', displayName: 'Blog', searchMethod: 'searchBlogs', send });
const offsetPaging = { style: 'offset' as const, in: 'query' as const, limit: 'limit', offset: 'offset', counts: 'items' as const, pageSize: 100 };

const statusOptions = [
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Draft', value: 'DRAFT' },
	{ name: 'Published', value: 'PUBLISHED' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text → HTML: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textToHtml(text: string): string {
	return text
		.trim()
		.split(/\n\s*\n/)
		.map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

const contentFormat: ParamDeclaration = {
	property: {
		displayName: 'Content Format',
		name: 'contentFormat',
		type: 'options',
		options: [
			{ name: 'HTML (Send As Is)', value: 'html', description: 'The content is HTML and is sent unchanged' },
			{ name: 'Plain Text', value: 'text', description: 'The content is plain text: it is escaped and turned into HTML paragraphs' },
		],
		default: 'html',
	},
};

function prepareContent(parts: { body: IDataObject }, param: (name: string) => unknown): void {
	if (param('contentFormat') === 'text' && typeof parts.body.rawHTML === 'string') parts.body.rawHTML = textToHtml(parts.body.rawHTML);
}

const postParams = (required: boolean): ParamDeclaration[] => {
	const r = (p: INodeProperties): INodeProperties => ({ ...p, required });
	return [
		blogId({ in: 'body' }),
		{ property: r({ displayName: 'Title', name: 'title', type: 'string', default: '' }), send: { in: 'body' } },
		{ property: r({ displayName: 'URL Slug', name: 'urlSlug', type: 'string', default: '', placeholder: 'e.g. spring-offers' }), send: { in: 'body' } },
		{ property: r({ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Short summary shown in lists and previews' }), send: { in: 'body' } },
		{
			property: r({ displayName: 'Content (HTML)', name: 'rawHTML', type: 'string', typeOptions: { rows: 8 }, default: '', description: 'Body of the post, in the format chosen below' }),
			send: { in: 'body' },
		},
		contentFormat,
		{ property: r({ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'DRAFT' }), send: { in: 'body' } },
		{ property: r({ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' }), send: { in: 'body' }, validate: 'url' },
		{ property: r({ displayName: 'Image Alt Text', name: 'imageAltText', type: 'string', default: '' }), send: { in: 'body' } },
		{
			property: r({
				displayName: 'Category Names or IDs',
				name: 'categories',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getBlogCategories' },
				default: [],
				description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			}),
			send: { in: 'body', as: 'list' },
		},
		{
			property: r({
				displayName: 'Author Name or ID',
				name: 'author',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBlogAuthors' },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			}),
			send: { in: 'body' },
		},
		{ property: r({ displayName: 'Published At', name: 'publishedAt', type: 'dateTime', default: '', description: 'Publication date (the future for scheduled posts)' }), send: { in: 'body', as: 'dateTime' } },
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Canonical Link', name: 'canonicalLink', type: 'string', default: '' },
					{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tags' },
				],
			},
			send: { in: 'body' },
			fields: { canonicalLink: { validate: 'url' }, tags: { send: { as: 'list' } } },
		},
	];
};

export const operations: OperationDeclaration[] = [
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
];

export const blogResource: ResourceInfo = {
	area: 'marketing',
	value: 'blog',
	name: 'Blog',
	description: 'Blogs, posts, authors and categories',
	defaultOperation: 'getBlogs',
};
