import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { matching } from './searchHelpers';
import type { LookupTarget } from './target';
import type { LookupDeclaration } from '../engine/declarations';
import { LOOKUPS } from './lookups';
import { lookupRequest, lookupTarget } from './target';

const DAY_MS = 86_400_000;

async function calendarsOf(ctx: ILoadOptionsFunctions, target: LookupTarget): Promise<IDataObject[]> {
	const response = await lookupRequest(ctx, target, LOOKUPS.calendars, { qs: { locationId: target.locationId } });
	return ((response.body as IDataObject)?.calendars ?? []) as IDataObject[];
}

function chosen(ctx: ILoadOptionsFunctions, name: string, label: string): string {
	let value = '';
	try {
		value = String(ctx.getCurrentNodeParameter(name, { extractValue: true }) ?? '').trim();
	} catch {
		value = '';
	}
	if (!value) throw new NodeOperationError(ctx.getNode(), `Choose the ${label} first`);
	return value;
}

export async function searchCalendars(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	return matching(await calendarsOf(this, target), filter, (c) => String(c.name ?? c.id));
}

export async function searchCalendarGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.calendarGroups, { qs: { locationId: target.locationId } });
	return matching(((response.body as IDataObject)?.groups ?? []) as IDataObject[], filter, (g) => String(g.name ?? g.id));
}

/** Events 30 days back and 60 days ahead in the location's calendars (the API needs a calendar and a range). */
async function eventsAround(ctx: ILoadOptionsFunctions, lookup: LookupDeclaration, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(ctx);
	const calendars = (await calendarsOf(ctx, target)).slice(0, 10);
	const now = Date.now();
	const events: IDataObject[] = [];
	for (const calendar of calendars) {
		const response = await lookupRequest(ctx, target, lookup, { qs: { locationId: target.locationId, calendarId: calendar.id, startTime: now - 30 * DAY_MS, endTime: now + 60 * DAY_MS } });
		events.push(...(((response.body as IDataObject)?.events ?? []) as IDataObject[]));
	}
	return matching(events, filter, (e) => `${String(e.title || 'Untitled')} · ${String(e.startTime ?? '')}`);
}

export async function searchEvents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await eventsAround(this, LOOKUPS.events, filter);
}

export async function searchBlockedSlots(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await eventsAround(this, LOOKUPS.blockedSlots, filter);
}

export async function searchAppointmentNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const appointmentId = chosen(this, 'appointmentId', 'Appointment');
	const response = await lookupRequest(this, target, LOOKUPS.appointmentNotes, { pathParams: { appointmentId }, qs: { limit: 20, offset: 0 } });
	return matching(((response.body as IDataObject)?.notes ?? []) as IDataObject[], filter, (n) => String(n.body ?? n.id).slice(0, 60));
}

export async function searchCalendarNotifications(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const calendarId = chosen(this, 'calendarId', 'Calendar');
	const response = await lookupRequest(this, target, LOOKUPS.calendarNotifications, { pathParams: { calendarId } });
	const list = (Array.isArray(response.body) ? response.body : []) as IDataObject[];
	return matching(
		list.map((n) => ({ ...n, id: n._id ?? n.id })),
		filter,
		(n) => `${String(n.notificationType ?? '')} · ${String(n.channel ?? '')} → ${String(n.receiverType ?? '')}`,
	);
}

export async function searchCalendarResources(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const resourceType = String(this.getCurrentNodeParameter('resourceType') ?? 'rooms');
	const response = await lookupRequest(this, target, LOOKUPS.calendarResources, { pathParams: { resourceType }, qs: { locationId: target.locationId, limit: 100, skip: 0 } });
	const list = (Array.isArray(response.body) ? response.body : []) as IDataObject[];
	return matching(list.map((r) => ({ ...r, id: r.id ?? r._id })), filter, (r) => String(r.name ?? r.id));
}
