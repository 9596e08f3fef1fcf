import type { OperationDeclaration } from '../../engine/declarations';
import { eventLocator, base } from './fields';

export const deleteEvent: OperationDeclaration = {
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
