import type { ResourceInfo } from '../../engine/declarations';

export const calendarNotificationResource: ResourceInfo = {
	area: 'crm',
	value: 'calendarNotification',
	name: 'Calendar Notification',
	description: 'Messages calendars send on bookings',
	operationOrder: ['getAll', 'get', 'create', 'update', 'delete'],
};
