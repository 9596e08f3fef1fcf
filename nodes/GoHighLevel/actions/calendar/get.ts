import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from './common';
import { base } from './fields';

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
