import type { ResourceInfo } from '../../engine/declarations';

export const locationResource: ResourceInfo = {
	area: 'crm',
	value: 'location',
	name: 'Location',
	description: 'Sub-accounts, their custom fields, and the agency',
	operationOrder: ['search', 'get', 'create', 'listCustomFields', 'getCompany'],
};
