import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { contactIdParam, tagsParam } from './fields';

export const addTags: OperationDeclaration = {
	resource: 'contact',
	operation: 'addTags',
	name: 'Add Tags',
	action: 'Add tags to a contact',
	description: 'Add tags to a contact; its other tags stay',
	method: 'POST',
	path: '/contacts/{contactId}/tags',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [contactIdParam, tagsParam],
	output: {},
};

export const removeTags: OperationDeclaration = {
	...addTags,
	operation: 'removeTags',
	name: 'Remove Tags',
	action: 'Remove tags from a contact',
	description: 'Remove tags from a contact; its other tags stay',
	method: 'DELETE',
};

export const bulkUpdateTags: OperationDeclaration = {
	resource: 'contact',
	operation: 'bulkUpdateTags',
	name: 'Bulk Update Tags',
	action: 'Add or remove tags on many contacts',
	description: 'Add tags to, or remove tags from, many contacts in one request',
	method: 'POST',
	path: '/contacts/bulk/tags/update/{type}',
	version: VERSION,
	scopes: [],
	location: { in: 'body' },
	params: [
		{
			property: {
				displayName: 'Action',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Add Tags', value: 'add' },
					{ name: 'Remove Tags', value: 'remove' },
				],
				default: 'add',
			},
			send: { in: 'path' },
		},
		{
			property: {
				displayName: 'Contact IDs',
				name: 'contacts',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc, 9NkT25Vor1v4aQatFsv2',
				description: 'Comma-separated contact IDs, or an array from an expression',
			},
			send: { in: 'body', as: 'list' },
		},
		tagsParam,
		{
			property: {
				displayName: 'Remove All Tags',
				name: 'removeAllTags',
				type: 'boolean',
				default: false,
				description: 'Whether to remove every tag of these contacts (the Tags list is then ignored)',
				displayOptions: { show: { type: ['remove'] } },
			},
			send: { in: 'body' },
		},
	],
	output: {},
};
