import { collection } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator, dateTimeParam, startBeforeEnd } from '../calendar/common';
import { appointmentOptions, contactParam } from './fields';
import { base } from '../calendarEvent/fields';

export const createAppointment: OperationDeclaration = {
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
