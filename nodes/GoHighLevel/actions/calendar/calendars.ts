import { collection, textParam, userPicker, VERSION_2021_04_15 } from '../kit';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationRuntime } from '../../engine/runtime';
import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';
import { calendarLocator, dateTimeParam, groupLocator, startBeforeEnd } from './common';

const base = { resource: 'calendar', version: VERSION_2021_04_15 } as const;

const unit = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: [
		{ name: 'Minutes', value: 'mins' },
		{ name: 'Hours', value: 'hours' },
	],
	default: 'mins',
});

/** The settings users change most; everything else keeps HighLevel's defaults. */
const settings: INodeProperties[] = [
	{ displayName: 'Allow Cancellation', name: 'allowCancellation', type: 'boolean', default: true, description: 'Whether invitees may cancel' },
	{ displayName: 'Allow Reschedule', name: 'allowReschedule', type: 'boolean', default: true, description: 'Whether invitees may reschedule' },
	{ displayName: 'Auto Confirm', name: 'autoConfirm', type: 'boolean', default: true, description: 'Whether bookings are confirmed without review' },
	{
		displayName: 'Calendar Type',
		name: 'calendarType',
		type: 'options',
		options: [
			{ name: 'Class Booking', value: 'class_booking' },
			{ name: 'Collective', value: 'collective' },
			{ name: 'Event', value: 'event' },
			{ name: 'Personal', value: 'personal' },
			{ name: 'Round Robin', value: 'round_robin' },
			{ name: 'Service Booking', value: 'service_booking' },
		],
		default: 'event',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Event Color', name: 'eventColor', type: 'color', default: '#039be5' },
	{ displayName: 'Event Title', name: 'eventTitle', type: 'string', default: '', placeholder: '{{contact.name}}', description: 'Title of booked events' },
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the calendar takes bookings' },
	{ displayName: 'Meeting Location', name: 'meetingLocation', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Open Hours (JSON)',
		name: 'openHours',
		type: 'json',
		default: '[]',
		description: 'HighLevel open hours, e.g. [{"daysOfTheWeek":[1,2,3,4,5],"hours":[{"openHour":9,"openMinute":0,"closeHour":17,"closeMinute":0}]}]',
	},
	{ displayName: 'Slot Buffer', name: 'slotBuffer', type: 'number', default: 0, description: 'Gap after each appointment' },
	{ displayName: 'Slot Duration', name: 'slotDuration', type: 'number', default: 30, description: 'Length of an appointment' },
	unit('slotDurationUnit', 'Slot Duration Unit'),
	{ displayName: 'Slot Interval', name: 'slotInterval', type: 'number', default: 30, description: 'How often a slot starts' },
	unit('slotIntervalUnit', 'Slot Interval Unit'),
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '', description: 'URL part of the booking page' },
	{
		displayName: 'Team Members (JSON)',
		name: 'teamMembers',
		type: 'json',
		default: '[]',
		description: 'Users of a team calendar, e.g. [{"userId":"...","priority":0.5,"meetingLocation":"zoom"}]',
	},
];
const settingsFields = { openHours: { send: { as: 'json' as const } }, teamMembers: { send: { as: 'json' as const } } };

export const getAll: OperationDeclaration = {
	...base,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get calendars',
	description: 'List the calendars of the location, optionally of one group',
	method: 'GET',
	path: '/calendars/',
	scopes: ['calendars.readonly'],
	location: { in: 'query' },
	params: [
		groupLocator({ in: 'query' }, false),
		{ property: { displayName: 'Include Drafts', name: 'showDrafted', type: 'boolean', default: false, description: 'Whether to include draft calendars' }, send: { in: 'query' } },
	],
	output: { root: 'calendars', list: true },
};

export const get: OperationDeclaration = {
	...base,
	operation: 'get',
	name: 'Get',
	action: 'Get a calendar',
	description: 'Retrieve one calendar with its settings',
	method: 'GET',
	path: '/calendars/{calendarId}',
	scopes: ['calendars.readonly'],
	location: { in: 'token' },
	params: [calendarLocator({ in: 'path' })],
	output: { root: 'calendar' },
};

export const create: OperationDeclaration = {
	...base,
	operation: 'create',
	name: 'Create',
	action: 'Create a calendar',
	description: 'Create a booking calendar',
	method: 'POST',
	path: '/calendars/',
	scopes: ['calendars.write'],
	location: { in: 'body' },
	params: [
		textParam('Name', 'name', { in: 'body' }, { required: true }),
		groupLocator({ in: 'body' }, false),
		collection('additionalFields', 'Additional Fields', settings, settingsFields),
	],
	output: { root: 'calendar' },
};

export const update: OperationDeclaration = {
	...base,
	operation: 'update',
	name: 'Update',
	action: 'Update a calendar',
	description: 'Change settings of a calendar; settings left out keep their values',
	method: 'PUT',
	path: '/calendars/{calendarId}',
	scopes: ['calendars.write'],
	location: { in: 'token' },
	params: [
		calendarLocator({ in: 'path' }),
		collection('updateFields', 'Update Fields', [
			...settings.filter((o) => o.name !== 'calendarType'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		], settingsFields),
	],
	output: { root: 'calendar' },
};

export const deleteCalendar: OperationDeclaration = {
	...base,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a calendar',
	description: 'Delete a calendar',
	method: 'DELETE',
	path: '/calendars/{calendarId}',
	scopes: ['calendars.write'],
	location: { in: 'token' },
	params: [calendarLocator({ in: 'path' })],
	output: { confirm: true },
};

/** `{ "2024-10-28": { slots: [...] } }` → one item per slot, or per day when asked. */
function freeSlots(body: unknown, runtime: OperationRuntime): IDataObject[] {
	const byDay = runtime.ctx.getNodeParameter('groupByDay', runtime.itemIndex, false) as boolean;
	const days = Object.entries((body ?? {}) as IDataObject)
		.filter(([date, value]) => /^\d{4}-\d{2}-\d{2}$/.test(date) && typeof value === 'object' && value !== null)
		.sort(([a], [b]) => a.localeCompare(b));
	if (byDay) return days.map(([date, value]) => ({ date, slots: ((value as IDataObject).slots ?? []) as string[] }));
	return days.flatMap(([date, value]) => (((value as IDataObject).slots ?? []) as string[]).map((slot) => ({ date, slot })));
}

export const getFreeSlots: OperationDeclaration = {
	...base,
	operation: 'getFreeSlots',
	name: 'Get Free Slots',
	action: 'Get free slots of a calendar',
	description: 'List the bookable slots of a calendar in a date range',
	method: 'GET',
	path: '/calendars/{calendarId}/free-slots',
	scopes: ['calendars.readonly'],
	location: { in: 'token' },
	params: [
		calendarLocator({ in: 'path' }),
		dateTimeParam('startDate', 'Start', { in: 'query', as: 'epochMs' }, 'Beginning of the range'),
		dateTimeParam('endDate', 'End', { in: 'query', as: 'epochMs' }, 'End of the range'),
		{
			property: {
				displayName: 'Timezone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimezones' },
				default: '',
				description: 'Timezone the slots are given in (default: the calendar’s). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			send: { in: 'query' },
		},
		{ property: userPicker('userId', 'User', { description: 'Only slots of this team member' }), send: { in: 'query' } },
		{
			property: { displayName: 'Group by Day', name: 'groupByDay', type: 'boolean', default: false, description: 'Whether to output one item per day with its slots, as HighLevel groups them, instead of one item per slot' },
		},
	],
	check: (parts) => startBeforeEnd(parts.qs.startDate, parts.qs.endDate, 'End'),
	output: { list: true, map: freeSlots },
};

export const calendarResource: ResourceInfo = {
	area: 'crm',
	value: 'calendar',
	name: 'Calendar',
	description: 'Booking calendars and their free slots',
};
