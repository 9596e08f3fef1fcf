import type { OperationDeclaration } from '../../engine/declarations';
import { startBeforeEnd } from '../calendar/common';
import { eventsOf, base } from './fields';

export const listEvents: OperationDeclaration = {
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
