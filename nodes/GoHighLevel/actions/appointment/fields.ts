import type { INodeProperties } from 'n8n-workflow';
import { recordLocator, userPicker } from '../kit';

export const appointmentStatus: INodeProperties = {
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

export const appointmentOptions: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Where the meeting happens (for in-person or custom locations)' },
	appointmentStatus,
	userPicker('assignedUserId', 'Assigned User', { description: 'Team member who takes the appointment' }),
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

export const contactParam = recordLocator({ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', send: { in: 'body' } });
