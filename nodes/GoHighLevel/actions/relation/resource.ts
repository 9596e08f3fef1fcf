import type { ResourceInfo } from '../../engine/declarations';

export const relationResource: ResourceInfo = {
	area: 'crm',
	value: 'relation',
	name: 'Relation',
	description: 'Links between two records',
	defaultOperation: 'getByRecord',
	operationOrder: ['getByRecord', 'create', 'delete'],
};
