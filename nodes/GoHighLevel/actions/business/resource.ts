import type { ResourceInfo } from '../../engine/declarations';

export const businessResource: ResourceInfo = {
	area: 'crm',
	value: 'business',
	name: 'Business',
	description: 'Companies that contacts belong to',
	operationOrder: ['get', 'getAll', 'create', 'update', 'delete', 'bulkUpdateContacts'],
};
