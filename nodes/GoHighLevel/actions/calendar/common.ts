import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import type { ParamDeclaration, SendTo, ValueFormat } from '../../engine/declarations';

/** Calendars, groups, events and resources all use the 2021-04-15 API version. */
export const CALENDAR_VERSION = '2021-04-15' as const;

export const calendarLocator = (send: SendTo, required = true): ParamDeclaration =>
	recordLocator({ name: 'calendarId', displayName: 'Calendar', searchMethod: 'searchCalendars', send, required });

export const groupLocator = (send: SendTo, required = true): ParamDeclaration =>
	recordLocator({ name: 'groupId', displayName: 'Calendar Group', searchMethod: 'searchCalendarGroups', send, required });

export const userOption = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName: `${displayName} Name or ID`,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export function dateTimeParam(name: string, displayName: string, send: SendTo & { as: ValueFormat }, description: string, required = true): ParamDeclaration {
	return {
		property: { displayName, name, type: 'dateTime', default: '', required, description },
		send,
	};
}

export function stringParam(name: string, displayName: string, send: SendTo, options: Partial<INodeProperties> = {}): ParamDeclaration {
	return { property: { displayName, name, type: 'string', default: '', ...options }, send };
}

export function collection(name: string, displayName: string, options: INodeProperties[], fields?: ParamDeclaration['fields']): ParamDeclaration {
	return {
		property: {
			displayName,
			name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		send: { in: 'body' },
		fields,
	};
}

/** Start must be before end, when both are set. */
export function startBeforeEnd(start: unknown, end: unknown, endLabel: string): { parameter: string; problem: string } | undefined {
	if (start === undefined || end === undefined) return undefined;
	const s = typeof start === 'number' ? start : Date.parse(String(start));
	const e = typeof end === 'number' ? end : Date.parse(String(end));
	if (Number.isFinite(s) && Number.isFinite(e) && s >= e) return { parameter: endLabel, problem: 'must be after the start' };
	return undefined;
}
