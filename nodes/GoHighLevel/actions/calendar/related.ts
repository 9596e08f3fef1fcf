import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import type { OperationDeclaration, ParamDeclaration, ResourceDeclaration } from '../types';
import { CALENDAR_VERSION, calendarLocator, collection, stringParam, userOption } from './common';

const base = { version: CALENDAR_VERSION } as const;

// ---- Appointment notes -------------------------------------------------------------------------

const appointmentParam = recordLocator({ name: 'appointmentId', displayName: 'Appointment', searchMethod: 'searchEvents', send: { in: 'path' } });
const noteParam = recordLocator({ name: 'noteId', displayName: 'Note', searchMethod: 'searchAppointmentNotes', send: { in: 'path' } });
const noteBody = stringParam('body', 'Body', { in: 'body' }, { required: true, typeOptions: { rows: 4 }, description: 'Text of the note' });
const noteAuthor: ParamDeclaration = { property: userOption('userId', 'Author', 'User who wrote the note'), send: { in: 'body' } };
const noteBase = { ...base, resource: 'appointmentNote', location: { in: 'token' as const } };

const notes: OperationDeclaration[] = [
	{
		...noteBase,
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get notes of an appointment',
		description: 'List the notes of an appointment',
		method: 'GET',
		path: '/calendars/appointments/{appointmentId}/notes',
		scopes: ['calendars/events.readonly'],
		params: [appointmentParam],
		paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'offset', counts: 'items', pageSize: 20 },
		output: { root: 'notes', list: true },
	},
	{
		...noteBase,
		operation: 'create',
		name: 'Create',
		action: 'Add a note to an appointment',
		description: 'Add a note to an appointment',
		method: 'POST',
		path: '/calendars/appointments/{appointmentId}/notes',
		scopes: ['calendars/events.write'],
		params: [appointmentParam, noteBody, noteAuthor],
		output: { root: 'note' },
		earlierAttempt: {
			path: '/calendars/appointments/{appointmentId}/notes', version: CALENDAR_VERSION, scopes: ['calendars/events.readonly'],
			fixedQuery: { limit: 20, offset: 0 }, root: 'notes', match: { body: 'body.body' }, createdAt: 'dateAdded',
		},
	},
	{
		...noteBase,
		operation: 'update',
		name: 'Update',
		action: 'Update a note of an appointment',
		description: 'Change the text of an appointment note',
		method: 'PUT',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		scopes: ['calendars/events.write'],
		params: [appointmentParam, noteParam, noteBody, noteAuthor],
		output: { root: 'note' },
	},
	{
		...noteBase,
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a note of an appointment',
		description: 'Delete an appointment note',
		method: 'DELETE',
		path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
		scopes: ['calendars/events.write'],
		params: [appointmentParam, noteParam],
		output: { confirm: true },
	},
];

export const appointmentNoteResource: ResourceDeclaration = {
	value: 'appointmentNote',
	name: 'Appointment Note',
	description: 'Notes attached to appointments',
	operations: notes,
};

// ---- Calendar notifications --------------------------------------------------------------------

const options = (values: Array<[string, string]>): INodeProperties['options'] => values.map(([name, value]) => ({ name, value }));
const receiverType: INodeProperties = {
	displayName: 'Receiver',
	name: 'receiverType',
	type: 'options',
	options: options([
		['Assigned User', 'assignedUser'],
		['Business', 'business'],
		['Contact', 'contact'],
		['Emails', 'emails'],
		['Guest', 'guest'],
		['Phone Numbers', 'phoneNumbers'],
	]),
	default: 'contact',
};
const channel: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	options: options([
		['Email', 'email'],
		['In App', 'inApp'],
		['SMS', 'sms'],
		['WhatsApp', 'whatsapp'],
	]),
	default: 'email',
};
const notificationType: INodeProperties = {
	displayName: 'When',
	name: 'notificationType',
	type: 'options',
	options: options([
		['Booked', 'booked'],
		['Cancellation', 'cancellation'],
		['Confirmation', 'confirmation'],
		['Follow-Up', 'followup'],
		['Reminder', 'reminder'],
		['Reschedule', 'reschedule'],
	]),
	default: 'booked',
};
const notificationOptions: INodeProperties[] = [
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the notification is sent' },
	{ displayName: 'Additional Emails', name: 'additionalEmailIds', type: 'string', default: '', description: 'Comma-separated emails (receiver "Emails")' },
	{ displayName: 'Additional Phone Numbers', name: 'additionalPhoneNumbers', type: 'string', default: '', description: 'Comma-separated numbers (receiver "Phone Numbers")' },
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'From Address', name: 'fromAddress', type: 'string', default: '' },
	{ displayName: 'From Name', name: 'fromName', type: 'string', default: '' },
	{ displayName: 'From Number', name: 'fromNumber', type: 'string', default: '' },
	{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
	{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '' },
];
const listFields = { additionalEmailIds: { send: { as: 'list' as const } }, additionalPhoneNumbers: { send: { as: 'list' as const } } };
const notificationParam = recordLocator({ name: 'notificationId', displayName: 'Notification', searchMethod: 'searchCalendarNotifications', send: { in: 'path' } });
const notificationBase = { ...base, resource: 'calendarNotification', location: { in: 'token' as const } };

const notifications: OperationDeclaration[] = [
	{
		...notificationBase,
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get notifications of a calendar',
		description: 'List the notifications a calendar sends',
		method: 'GET',
		path: '/calendars/{calendarId}/notifications',
		scopes: ['calendars/events.readonly'],
		params: [
			calendarLocator({ in: 'path' }),
			{
				property: {
					displayName: 'Status',
					name: 'isActive',
					type: 'options',
					options: options([
						['Any', ''],
						['Active', 'true'],
						['Inactive', 'false'],
					]),
					default: '',
				},
				send: { in: 'query' },
			},
		],
		paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
		output: { list: true },
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
];

export const calendarNotificationResource: ResourceDeclaration = {
	value: 'calendarNotification',
	name: 'Calendar Notification',
	description: 'Messages calendars send on bookings',
	operations: notifications,
};

// ---- Calendar resources (rooms, equipment) -----------------------------------------------------

const resourceType: ParamDeclaration = {
	property: {
		displayName: 'Resource Type',
		name: 'resourceType',
		type: 'options',
		options: options([
			['Equipment', 'equipments'],
			['Room', 'rooms'],
		]),
		default: 'rooms',
	},
	send: { in: 'path' },
};
const resourceParam = recordLocator({ name: 'resourceId', displayName: 'Resource', searchMethod: 'searchCalendarResources', send: { in: 'path', name: 'id' } });
const resourceFields: INodeProperties[] = [
	{ displayName: 'Calendar IDs', name: 'calendarIds', type: 'string', default: '', description: 'Comma-separated IDs of calendars that use this resource' },
	{ displayName: 'Capacity', name: 'capacity', type: 'number', default: 1, description: 'People a room holds' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Out of Service', name: 'outOfService', type: 'number', default: 0, description: 'Units not usable right now' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, description: 'Units available' },
];
const resourceBase = { ...base, resource: 'calendarResource' };

const resources: OperationDeclaration[] = [
	{
		...resourceBase,
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get rooms or equipment',
		description: 'List the rooms or equipment of the location',
		method: 'GET',
		path: '/calendars/resources/{resourceType}',
		scopes: ['calendars/resources.readonly'],
		location: { in: 'query' },
		params: [resourceType],
		paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
		output: { list: true },
	},
	{
		...resourceBase,
		operation: 'get',
		name: 'Get',
		action: 'Get a room or equipment',
		description: 'Retrieve one room or piece of equipment',
		method: 'GET',
		path: '/calendars/resources/{resourceType}/{id}',
		scopes: ['calendars/resources.readonly'],
		location: { in: 'token' },
		params: [resourceType, resourceParam],
		output: {},
	},
	{
		...resourceBase,
		operation: 'create',
		name: 'Create',
		action: 'Create a room or equipment',
		description: 'Add a room or piece of equipment that calendars can book',
		method: 'POST',
		path: '/calendars/resources/{resourceType}',
		scopes: ['calendars/resources.write'],
		location: { in: 'body' },
		params: [
			resourceType,
			stringParam('name', 'Name', { in: 'body' }, { required: true }),
			stringParam('description', 'Description', { in: 'body' }, { required: true }),
			{ property: { displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, required: true }, send: { in: 'body' } },
			{ property: { displayName: 'Out of Service', name: 'outOfService', type: 'number', default: 0, description: 'Units not usable right now' }, send: { in: 'body' } },
			{ property: { displayName: 'Capacity', name: 'capacity', type: 'number', default: 1, required: true }, send: { in: 'body' } },
			stringParam('calendarIds', 'Calendar IDs', { in: 'body', as: 'list' }, { required: true, description: 'Comma-separated IDs of calendars that use this resource' }),
		],
		output: {},
	},
	{
		...resourceBase,
		operation: 'update',
		name: 'Update',
		action: 'Update a room or equipment',
		description: 'Change a room or piece of equipment',
		method: 'PUT',
		path: '/calendars/resources/{resourceType}/{id}',
		scopes: ['calendars/resources.write'],
		location: { in: 'token' },
		params: [
			resourceType,
			resourceParam,
			collection('updateFields', 'Update Fields', [...resourceFields, { displayName: 'Active', name: 'isActive', type: 'boolean', default: true }], {
				calendarIds: { send: { as: 'list' } },
			}),
		],
		output: {},
	},
	{
		...resourceBase,
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a room or equipment',
		description: 'Delete a room or piece of equipment',
		method: 'DELETE',
		path: '/calendars/resources/{resourceType}/{id}',
		scopes: ['calendars/resources.write'],
		location: { in: 'token' },
		params: [resourceType, resourceParam],
		output: { confirm: true },
	},
];

export const calendarResourceResource: ResourceDeclaration = {
	value: 'calendarResource',
	name: 'Calendar Resource',
	description: 'Rooms and equipment calendars book',
	operations: resources,
};
