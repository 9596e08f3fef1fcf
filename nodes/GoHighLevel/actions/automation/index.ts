import { VERSION } from '../kit';
import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';

export const listWorkflows: OperationDeclaration = {
	resource: 'automation',
	operation: 'listWorkflows',
	name: 'List Workflows',
	action: 'List workflows',
	description: 'List the automation workflows of the location',
	method: 'GET',
	path: '/workflows/',
	version: VERSION,
	scopes: ['workflows.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'workflows', list: true },
};

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

export const automationResource: ResourceInfo = {
	area: 'crm',
	value: 'automation',
	name: 'Workflow & Campaign',
	description: 'Automation workflows and campaigns',
	defaultOperation: 'listCampaigns',
};
