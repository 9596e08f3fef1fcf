import type { ResourceInfo } from '../../engine/declarations';

export const automationResource: ResourceInfo = {
	area: 'crm',
	value: 'automation',
	name: 'Workflow & Campaign',
	description: 'Automation workflows and campaigns',
	defaultOperation: 'listCampaigns',
	operationOrder: ['listWorkflows', 'listCampaigns'],
};
