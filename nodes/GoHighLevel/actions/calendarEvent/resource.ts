import type { ResourceInfo } from '../../engine/declarations';

export const calendarEventResource: ResourceInfo = {
	area: 'crm',
	value: 'calendarEvent',
	name: 'Calendar Event',
	description: 'Appointments and blocked time in calendars',
	defaultOperation: 'createBlockSlot',
	operationOrder: ['getAll', 'getBlockedSlots', 'createBlockSlot', 'updateBlockSlot', 'delete'],
};
