import { collection } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { startBeforeEnd } from '../calendar/common';
import { eventLocator, base } from '../calendarEvent/fields';
import { appointmentOptions } from './fields';

export const updateAppointment: OperationDeclaration = {
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
