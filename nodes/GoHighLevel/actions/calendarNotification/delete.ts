import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from '../calendar/common';
import { notificationParam, notificationBase } from './fields';

export const deleteCalendarNotification: OperationDeclaration = {
	...notificationBase,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a calendar notification',
	description: 'Delete a notification of a calendar',
	method: 'DELETE',
	path: '/calendars/{calendarId}/notifications/{notificationId}',
	scopes: ['calendars/events.write'],
	params: [calendarLocator({ in: 'path' }), notificationParam],
	output: { confirm: true },
};
