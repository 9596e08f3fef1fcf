import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const listCustomFields: OperationDeclaration = {
	resource: 'location',
	operation: 'listCustomFields',
	name: 'List Custom Fields',
	action: 'List custom fields of a location',
	description: 'List the custom fields of contacts, opportunities or both',
	method: 'GET',
	path: '/locations/{locationId}/customFields',
	version: VERSION,
	scopes: ['locations/customFields.readonly'],
	location: { in: 'path' },
	params: [
		{
			property: {
				displayName: 'Model',
				name: 'model',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Opportunity', value: 'opportunity' },
				],
				default: 'all',
			},
			send: { in: 'query' },
		},
	],
	output: { root: 'customFields', list: true },
};
