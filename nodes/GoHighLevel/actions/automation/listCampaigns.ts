import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const listCampaigns: OperationDeclaration = {
	resource: 'automation',
	operation: 'listCampaigns',
	name: 'List Campaigns',
	action: 'List campaigns',
	description: 'List the campaigns of the location',
	method: 'GET',
	path: '/campaigns/',
	version: VERSION,
	scopes: ['campaigns.readonly'],
	location: { in: 'query' },
	params: [
		{
			property: {
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Any', value: '' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Published', value: 'published' },
				],
				default: '',
			},
			send: { in: 'query' },
		},
	],
	output: { root: 'campaigns', list: true },
};
