import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from './common';
import { base } from './fields';

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
