import { collection, recordLocator, userPicker, VERSION_2021_04_15 } from '../kit';
import type { ParamDeclaration } from '../../engine/declarations';
import { calendarLocator, dateTimeParam, groupLocator } from '../calendar/common';

export const eventLocator = (displayName: string, searchMethod = 'searchEvents'): ParamDeclaration =>
	recordLocator({ name: 'eventId', displayName, searchMethod, send: { in: 'path' } });

/** HighLevel needs one of calendar, user or group for event lists: the choice is explicit. */
export function eventsOf(): ParamDeclaration[] {
	const show = (of: string) => ({ displayOptions: { show: { eventsOf: [of] } } });
	const calendar = calendarLocator({ in: 'query' });
	const group = groupLocator({ in: 'query' });
	return [
		{
			property: {
				displayName: 'Events Of',
				name: 'eventsOf',
				type: 'options',
				options: [
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'group' },
					{ name: 'User', value: 'user' },
				],
				default: 'calendar',
				description: 'Whose events to list: HighLevel needs one of them',
			},
		},
		{ ...calendar, property: { ...calendar.property, ...show('calendar') } },
		{ ...group, property: { ...group.property, ...show('group') } },
		{ property: { ...userPicker('userId', 'User', { description: 'Owner of the events' }), required: true, ...show('user') }, send: { in: 'query' } },
		dateTimeParam('startTime', 'Start', { in: 'query', as: 'epochMs' }, 'Beginning of the time range'),
		dateTimeParam('endTime', 'End', { in: 'query', as: 'epochMs' }, 'End of the time range'),
	];
}

export const base = { version: VERSION_2021_04_15 } as const;

export const blockSlotParams = (required: boolean): ParamDeclaration[] => [
	calendarLocator({ in: 'body' }),
	dateTimeParam('startTime', 'Start', { in: 'body', as: 'dateTime' }, 'Beginning of the blocked time', required),
	dateTimeParam('endTime', 'End', { in: 'body', as: 'dateTime' }, 'End of the blocked time', required),
	collection('additionalFields', 'Additional Fields', [
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		userPicker('assignedUserId', 'Assigned User', { description: 'Team member whose time is blocked' }),
	]),
];
