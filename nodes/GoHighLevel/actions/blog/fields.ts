import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../kit';
import type { ParamDeclaration, SendTo } from '../../engine/declarations';

export const blogId = (send: SendTo) => recordLocator({ name: 'blogId', displayName: 'Blog', searchMethod: 'searchBlogs', send });

export const offsetPaging = { style: 'offset' as const, in: 'query' as const, limit: 'limit', offset: 'offset', counts: 'items' as const, pageSize: 100 };

export const statusOptions = [
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Draft', value: 'DRAFT' },
	{ name: 'Published', value: 'PUBLISHED' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
];

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text → HTML: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textToHtml(text: string): string {
	return text
		.trim()
		.split(/\n\s*\n/)
		.map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

export const contentFormat: ParamDeclaration = {
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

export function prepareContent(parts: { body: IDataObject }, param: (name: string) => unknown): void {
	if (param('contentFormat') === 'text' && typeof parts.body.rawHTML === 'string') parts.body.rawHTML = textToHtml(parts.body.rawHTML);
}

export const postParams = (required: boolean): ParamDeclaration[] => {
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
