import { collection } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from '../calendar/common';
import { receiverType, channel, notificationType, notificationOptions, listFields, notificationParam, notificationBase } from './fields';

export const update: OperationDeclaration = {
	...notificationBase,
	operation: 'update',
	name: 'Update',
	action: 'Update a calendar notification',
	description: 'Change a notification of a calendar',
	method: 'PUT',
	path: '/calendars/{calendarId}/notifications/{notificationId}',
	scopes: ['calendars/events.write'],
	params: [calendarLocator({ in: 'path' }), notificationParam, collection('updateFields', 'Update Fields', [receiverType, channel, notificationType, ...notificationOptions], listFields)],
	output: {},
};
