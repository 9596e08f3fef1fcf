import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import type { OperationDeclaration, ParamDeclaration, ResourceDeclaration } from '../types';
import { CALENDAR_VERSION, calendarLocator, collection, dateTimeParam, groupLocator, startBeforeEnd, userOption } from './common';

const eventLocator = (displayName: string, searchMethod = 'searchEvents'): ParamDeclaration =>
	recordLocator({ name: 'eventId', displayName, searchMethod, send: { in: 'path' } });

/** HighLevel needs one of calendar, user or group for event lists: the choice is explicit. */
function eventsOf(): ParamDeclaration[] {
	const show = (of: string) => ({ displayOptions: { show: { eventsOf: [of] } } });
	const calendar = calendarLocator({ in: 'query' });
	const group = groupLocator({ in: 'query' });
	return [
		{
			property: {
				displayName: 'Events Of',
				name: 'eventsOf',
				type: 'options',
				options: [
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'group' },
					{ name: 'User', value: 'user' },
				],
				default: 'calendar',
				description: 'Whose events to list: HighLevel needs one of them',
			},
		},
		{ ...calendar, property: { ...calendar.property, ...show('calendar') } },
		{ ...group, property: { ...group.property, ...show('group') } },
		{ property: { ...userOption('userId', 'User', 'Owner of the events'), required: true, ...show('user') }, send: { in: 'query' } },
		dateTimeParam('startTime', 'Start', { in: 'query', as: 'epochMs' }, 'Beginning of the time range'),
		dateTimeParam('endTime', 'End', { in: 'query', as: 'epochMs' }, 'End of the time range'),
	];
}

const appointmentStatus: INodeProperties = {
	displayName: 'Status',
	name: 'appointmentStatus',
	type: 'options',
	options: [
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Confirmed', value: 'confirmed' },
		{ name: 'Invalid', value: 'invalid' },
		{ name: 'New', value: 'new' },
		{ name: 'No Show', value: 'noshow' },
		{ name: 'Showed', value: 'showed' },
	],
	default: 'confirmed',
};

const appointmentOptions: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Where the meeting happens (for in-person or custom locations)' },
	appointmentStatus,
	userOption('assignedUserId', 'Assigned User', 'Team member who takes the appointment'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Ignore Free Slot Check', name: 'ignoreFreeSlotValidation', type: 'boolean', default: false, description: 'Whether to book even when the slot is not free' },
	{
		displayName: 'Meeting Location Type',
		name: 'meetingLocationType',
		type: 'options',
		options: [
			{ name: 'Address', value: 'address' },
			{ name: 'Custom', value: 'custom' },
			{ name: 'Google', value: 'google' },
			{ name: 'Google Meet', value: 'gmeet' },
			{ name: 'Microsoft Teams', value: 'ms_teams' },
			{ name: 'Phone', value: 'phone' },
			{ name: 'Zoom', value: 'zoom' },
		],
		default: 'custom',
	},
	{ displayName: 'Recurrence Rule', name: 'rrule', type: 'string', default: '', placeholder: 'RRULE:FREQ=WEEKLY;COUNT=4', description: 'Rule in iCalendar format for a recurring appointment' },
	{ displayName: 'Notify', name: 'toNotify', type: 'boolean', default: true, description: 'Whether HighLevel sends its booking notifications' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

const base = { version: CALENDAR_VERSION } as const;

const listEvents: OperationDeclaration = {
	...base,
	resource: 'calendarEvent',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get calendar events',
	description: 'List appointments and events of a calendar, user or group in a time range',
	method: 'GET',
	path: '/calendars/events',
	scopes: ['calendars/events.readonly'],
	location: { in: 'query' },
	params: eventsOf(),
	check: (parts) => startBeforeEnd(parts.qs.startTime, parts.qs.endTime, 'End'),
	output: { root: 'events', list: true },
};

const listBlockedSlots: OperationDeclaration = {
	...listEvents,
	operation: 'getBlockedSlots',
	name: 'Get Blocked Slots',
	action: 'Get blocked slots',
	description: 'List blocked time of a calendar, user or group in a time range',
	path: '/calendars/blocked-slots',
};

const blockSlotParams = (required: boolean): ParamDeclaration[] => [
	calendarLocator({ in: 'body' }),
	dateTimeParam('startTime', 'Start', { in: 'body', as: 'dateTime' }, 'Beginning of the blocked time', required),
	dateTimeParam('endTime', 'End', { in: 'body', as: 'dateTime' }, 'End of the blocked time', required),
	collection('additionalFields', 'Additional Fields', [
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		userOption('assignedUserId', 'Assigned User', 'Team member whose time is blocked'),
	]),
];

const createBlockSlot: OperationDeclaration = {
	...base,
	resource: 'calendarEvent',
	operation: 'createBlockSlot',
	name: 'Create Blocked Slot',
	action: 'Block time in a calendar',
	description: 'Block a time range so it cannot be booked',
	method: 'POST',
	path: '/calendars/events/block-slots',
	scopes: ['calendars/events.write'],
	location: { in: 'body' },
	params: blockSlotParams(true),
	check: (parts) => startBeforeEnd(parts.body.startTime, parts.body.endTime, 'End'),
	output: {},
};

const updateBlockSlot: OperationDeclaration = {
	...createBlockSlot,
	operation: 'updateBlockSlot',
	name: 'Update Blocked Slot',
	action: 'Update blocked time',
	description: 'Move or rename a blocked time range',
	method: 'PUT',
	path: '/calendars/events/block-slots/{eventId}',
	location: { in: 'body' },
	params: [eventLocator('Blocked Slot', 'searchBlockedSlots'), ...blockSlotParams(false)],
};

const deleteEvent: OperationDeclaration = {
	...base,
	resource: 'calendarEvent',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a calendar event',
	description: 'Delete an appointment or a blocked slot',
	method: 'DELETE',
	path: '/calendars/events/{eventId}',
	scopes: ['calendars/events.write'],
	location: { in: 'token' },
	params: [eventLocator('Event')],
	output: { confirm: true },
};

const getAppointment: OperationDeclaration = {
	...base,
	resource: 'appointment',
	operation: 'get',
	name: 'Get',
	action: 'Get an appointment',
	description: 'Retrieve one appointment',
	method: 'GET',
	path: '/calendars/events/appointments/{eventId}',
	scopes: ['calendars/events.readonly'],
	location: { in: 'token' },
	params: [eventLocator('Appointment')],
	output: { root: 'event' },
};

const contactParam = recordLocator({ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', send: { in: 'body' } });

const createAppointment: OperationDeclaration = {
	...base,
	resource: 'appointment',
	operation: 'create',
	name: 'Create',
	action: 'Book an appointment',
	description: 'Book an appointment for a contact in a calendar',
	method: 'POST',
	path: '/calendars/events/appointments',
	scopes: ['calendars/events.write'],
	location: { in: 'body' },
	params: [
		calendarLocator({ in: 'body' }),
		contactParam,
		dateTimeParam('startTime', 'Start', { in: 'body', as: 'dateTime' }, 'When the appointment starts'),
		dateTimeParam('endTime', 'End', { in: 'body', as: 'dateTime' }, 'When it ends (default: start plus the calendar’s slot duration)', false),
		collection('additionalFields', 'Additional Fields', appointmentOptions),
	],
	check: (parts) => startBeforeEnd(parts.body.startTime, parts.body.endTime, 'End'),
	output: {},
	earlierAttempt: {
		path: '/contacts/{contactId}/appointments', pathParams: { contactId: 'body.contactId' }, version: '2021-07-28', scopes: ['contacts.readonly'],
		root: 'events', match: { calendarId: 'body.calendarId', startTime: 'body.startTime' }, createdAt: 'dateAdded',
	},
};

const updateAppointment: OperationDeclaration = {
	...base,
	resource: 'appointment',
	operation: 'update',
	name: 'Update',
	action: 'Update an appointment',
	description: 'Reschedule an appointment or change its status or details',
	method: 'PUT',
	path: '/calendars/events/appointments/{eventId}',
	scopes: ['calendars/events.write'],
	location: { in: 'token' },
	params: [
		eventLocator('Appointment'),
		collection(
			'updateFields',
			'Update Fields',
			[
				...appointmentOptions,
				{ displayName: 'Calendar ID', name: 'calendarId', type: 'string', default: '', description: 'Move the appointment to another calendar' },
				{ displayName: 'Start', name: 'startTime', type: 'dateTime', default: '' },
				{ displayName: 'End', name: 'endTime', type: 'dateTime', default: '' },
			],
			{ startTime: { send: { as: 'dateTime' } }, endTime: { send: { as: 'dateTime' } }, calendarId: { validate: 'id' } },
		),
	],
	check: (parts) => startBeforeEnd(parts.body.startTime, parts.body.endTime, 'End'),
	output: {},
};

export const calendarEventResource: ResourceDeclaration = {
	value: 'calendarEvent',
	name: 'Calendar Event',
	description: 'Appointments and blocked time in calendars',
	operations: [createBlockSlot, deleteEvent, listBlockedSlots, listEvents, updateBlockSlot],
};

export const appointmentResource: ResourceDeclaration = {
	value: 'appointment',
	name: 'Appointment',
	description: 'Booked appointments',
	operations: [createAppointment, getAppointment, updateAppointment],
};
