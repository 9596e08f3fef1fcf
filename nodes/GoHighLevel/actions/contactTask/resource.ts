import type { ResourceInfo } from '../../engine/declarations';

export const contactTaskResource: ResourceInfo = {
	area: 'crm',
	value: 'contactTask',
	name: 'Contact Task',
	description: 'To-dos attached to a contact',
	operationOrder: ['create', 'get', 'getAll', 'update', 'complete', 'delete'],
};
