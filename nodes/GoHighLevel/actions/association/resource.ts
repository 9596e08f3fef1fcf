import type { ResourceInfo } from '../../engine/declarations';

export const associationResource: ResourceInfo = {
	area: 'crm',
	value: 'association',
	name: 'Association',
	description: 'Association types between objects',
	operationOrder: ['getAll', 'get', 'getByKey', 'getByObjectKey', 'create', 'update', 'delete'],
};
