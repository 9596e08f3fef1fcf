import type { ResourceInfo } from '../../engine/declarations';

export const calendarResource: ResourceInfo = {
	area: 'crm',
	value: 'calendar',
	name: 'Calendar',
	description: 'Booking calendars and their free slots',
	operationOrder: ['getAll', 'get', 'create', 'update', 'delete', 'getFreeSlots'],
};
