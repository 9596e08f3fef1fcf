import { VERSION_2021_04_15 } from '../kit';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { OperationRuntime } from '../../engine/runtime';

export const base = { resource: 'calendar', version: VERSION_2021_04_15 } as const;

export const unit = (name: string, displayName: string): INodeProperties => ({
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
export const settings: INodeProperties[] = [
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

export const settingsFields = { openHours: { send: { as: 'json' as const } }, teamMembers: { send: { as: 'json' as const } } };

/** `{ "2024-10-28": { slots: [...] } }` → one item per slot, or per day when asked. */
export function freeSlots(body: unknown, runtime: OperationRuntime): IDataObject[] {
	const byDay = runtime.ctx.getNodeParameter('groupByDay', runtime.itemIndex, false) as boolean;
	const days = Object.entries((body ?? {}) as IDataObject)
		.filter(([date, value]) => /^\d{4}-\d{2}-\d{2}$/.test(date) && typeof value === 'object' && value !== null)
		.sort(([a], [b]) => a.localeCompare(b));
	if (byDay) return days.map(([date, value]) => ({ date, slots: ((value as IDataObject).slots ?? []) as string[] }));
	return days.flatMap(([date, value]) => (((value as IDataObject).slots ?? []) as string[]).map((slot) => ({ date, slot })));
}
