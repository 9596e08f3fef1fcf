import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from '../calendar/common';
import { receiverType, channel, notificationType, notificationOptions, listFields, notificationBase } from './fields';

export const create: OperationDeclaration = {
	...notificationBase,
	operation: 'create',
	name: 'Create',
	action: 'Create a calendar notification',
	description: 'Add an email, SMS, WhatsApp or in-app notification to a calendar',
	method: 'POST',
	path: '/calendars/{calendarId}/notifications',
	scopes: ['calendars/events.write'],
	params: [
		calendarLocator({ in: 'path' }),
		{
			property: {
				displayName: 'Notifications',
				name: 'notifications',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Notification',
				default: {},
				required: true,
				options: [
					{
						displayName: 'Notification',
						name: 'notification',
						values: [receiverType, channel, notificationType, ...notificationOptions.filter((o) => !listFields[o.name as keyof typeof listFields])],
					},
				],
			},
			// The endpoint takes a JSON array of notifications.
			send: { in: 'body', name: '$body', as: 'rows' },
		},
	],
	output: { list: true },
};
