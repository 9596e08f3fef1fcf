import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS } from './fields';

export const list: OperationDeclaration = {
	resource: 'contact',
	operation: 'list',
	name: 'List (Deprecated)',
	action: 'List contacts (deprecated endpoint)',
	description: 'List contacts with the deprecated GET /contacts/ endpoint; prefer Search',
	deprecated: 'HighLevel has deprecated this endpoint. Use the Search operation, which also filters and sorts.',
	method: 'GET',
	path: '/contacts/',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'query' },
	customFields: 'contact',
	params: [
		{
			property: {
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Free text to filter contacts by',
			},
			send: { in: 'query' },
		},
	],
	paging: {
		style: 'cursor',
		in: 'query',
		limit: 'limit',
		pageSize: 100,
		next: { startAfterId: 'meta.startAfterId', startAfter: 'meta.startAfter' },
	},
	output: { root: 'contacts', list: true, simplify: CONTACT_SIMPLE_FIELDS },
};
