import type { ResourceInfo } from '../../engine/declarations';

export const calendarResourceResource: ResourceInfo = {
	area: 'crm',
	value: 'calendarResource',
	name: 'Calendar Resource',
	description: 'Rooms and equipment calendars book',
	operationOrder: ['getAll', 'get', 'create', 'update', 'delete'],
};
