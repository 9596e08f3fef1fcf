import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from '../calendar/common';
import { notificationParam, notificationBase } from './fields';

export const get: OperationDeclaration = {
	...notificationBase,
	operation: 'get',
	name: 'Get',
	action: 'Get a calendar notification',
	description: 'Retrieve one notification of a calendar',
	method: 'GET',
	path: '/calendars/{calendarId}/notifications/{notificationId}',
	scopes: ['calendars/events.readonly'],
	params: [calendarLocator({ in: 'path' }), notificationParam],
	output: {},
};
