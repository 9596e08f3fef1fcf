import type { OperationDeclaration } from '../../engine/declarations';
import { eventLocator, base } from '../calendarEvent/fields';

export const getAppointment: OperationDeclaration = {
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
