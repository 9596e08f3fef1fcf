import type { ResourceInfo } from '../../engine/declarations';

export const userResource: ResourceInfo = {
	area: 'crm',
	value: 'user',
	name: 'User',
	description: 'Team members of the agency and its sub-accounts',
	operationOrder: ['search', 'filterByEmail', 'get', 'listByLocation', 'create', 'update', 'delete'],
};
