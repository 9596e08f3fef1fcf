import type { ResourceInfo } from '../../engine/declarations';

export const opportunityResource: ResourceInfo = {
	area: 'crm',
	value: 'opportunity',
	name: 'Opportunity',
	description: 'Deals in pipelines',
	operationOrder: ['search', 'get', 'listPipelines', 'create', 'update', 'delete', 'updateStatus', 'upsert', 'addFollowers', 'removeFollowers'],
};
