import { recordLocator } from '../kit';
import type { ParamDeclaration, SendTo, ValueFormat } from '../../engine/declarations';

export const calendarLocator = (send: SendTo, required = true): ParamDeclaration =>
	recordLocator({ name: 'calendarId', displayName: 'Calendar', searchMethod: 'searchCalendars', send, required });

export const groupLocator = (send: SendTo, required = true): ParamDeclaration =>
	recordLocator({ name: 'groupId', displayName: 'Calendar Group', searchMethod: 'searchCalendarGroups', send, required });

export function dateTimeParam(name: string, displayName: string, send: SendTo & { as: ValueFormat }, description: string, required = true): ParamDeclaration {
	return {
		property: { displayName, name, type: 'dateTime', default: '', required, description },
		send,
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
