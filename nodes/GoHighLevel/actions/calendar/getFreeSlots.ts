import { userPicker } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator, dateTimeParam, startBeforeEnd } from './common';
import { base, freeSlots } from './fields';

export const getFreeSlots: OperationDeclaration = {
	...base,
	operation: 'getFreeSlots',
	name: 'Get Free Slots',
	action: 'Get free slots of a calendar',
	description: 'List the bookable slots of a calendar in a date range',
	method: 'GET',
	path: '/calendars/{calendarId}/free-slots',
	scopes: ['calendars.readonly'],
	location: { in: 'token' },
	params: [
		calendarLocator({ in: 'path' }),
		dateTimeParam('startDate', 'Start', { in: 'query', as: 'epochMs' }, 'Beginning of the range'),
		dateTimeParam('endDate', 'End', { in: 'query', as: 'epochMs' }, 'End of the range'),
		{
			property: {
				displayName: 'Timezone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimezones' },
				default: '',
				description: 'Timezone the slots are given in (default: the calendar’s). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			send: { in: 'query' },
		},
		{ property: userPicker('userId', 'User', { description: 'Only slots of this team member' }), send: { in: 'query' } },
		{
			property: { displayName: 'Group by Day', name: 'groupByDay', type: 'boolean', default: false, description: 'Whether to output one item per day with its slots, as HighLevel groups them, instead of one item per slot' },
		},
	],
	check: (parts) => startBeforeEnd(parts.qs.startDate, parts.qs.endDate, 'End'),
	output: { list: true, map: freeSlots },
};
