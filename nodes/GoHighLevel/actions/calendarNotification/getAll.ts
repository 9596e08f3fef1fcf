import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from '../calendar/common';
import { options, notificationBase } from './fields';

export const getAll: OperationDeclaration = {
	...notificationBase,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get notifications of a calendar',
	description: 'List the notifications a calendar sends',
	method: 'GET',
	path: '/calendars/{calendarId}/notifications',
	scopes: ['calendars/events.readonly'],
	params: [
		calendarLocator({ in: 'path' }),
		{
			property: {
				displayName: 'Status',
				name: 'isActive',
				type: 'options',
				options: options([
					['Any', ''],
					['Active', 'true'],
					['Inactive', 'false'],
				]),
				default: '',
			},
			send: { in: 'query' },
		},
	],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'skip', counts: 'items', pageSize: 100 },
	output: { list: true },
};
