// Shared helpers of the calendar route files: store access, lookups, parsing and API shapes.
import type { Appointment, AppointmentNote, BlockedSlot, Calendar, CalendarGroup, CalendarNotification, CalendarResource, CalendarStore } from './state';
import { followClock, locationTimeZone, utc } from './state';
import { isoInZone } from './time';
import type { SandboxState } from '../../state';
import { httpError, notFound } from '../../util';
import type { RouteContext } from '../../route';
import { assertLocationAccess, queryValue } from '../../route';

/** The calendar data, after letting an untouched seed follow the clock. */
export function readStore(ctx: RouteContext): CalendarStore {
	followClock(ctx.state, ctx.now());
	return ctx.state.calendarStore;
}

/** Same, for handlers that change data: from now on the seed stays where it is. */
export function writeStore(ctx: RouteContext): CalendarStore {
	const store = readStore(ctx);
	store.touched = true;
	return store;
}

/** A record of the store by id, 404 when unknown, 403 when of a location the token may not use. */
export function owned<T extends { locationId: string }>(ctx: RouteContext, map: Map<string, T>, id: string | undefined, what: string): T {
	const item = id ? map.get(id) : undefined;
	if (!item) throw notFound(what);
	assertLocationAccess(ctx, item.locationId);
	return item;
}

/** A calendar referenced by a body: must exist and be of `locationId`. */
export function calendarIn(ctx: RouteContext, calendarId: unknown, locationId: string): Calendar {
	const calendar = typeof calendarId === 'string' ? ctx.state.calendarStore.calendars.get(calendarId) : undefined;
	if (!calendar || calendar.locationId !== locationId) throw notFound('Calendar');
	return calendar;
}

export function checkUser(state: SandboxState, userId: unknown, locationId: string): void {
	if (userId === undefined || userId === null || userId === '') return;
	const user = typeof userId === 'string' ? state.users.get(userId) : undefined;
	if (!user || user.deleted || !user.roles.locationIds.includes(locationId)) throw notFound('User');
}

/** An ISO 8601 date-time string from a body, as epoch ms (422 otherwise). */
export function parseTime(value: unknown, name: string): number {
	const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
	if (Number.isNaN(ms)) throw httpError(422, [`${name} must be a valid ISO 8601 date string`]);
	return ms;
}

/** Epoch milliseconds from a query string (startTime/endTime of the event lists). */
export function msQuery(ctx: RouteContext, name: string): number {
	const raw = queryValue(ctx, name) ?? '';
	const n = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(n)) throw httpError(422, [`${name} must be a number of milliseconds since the epoch`]);
	return n;
}

/** A non-negative number from the query (limit / skip), with a default. */
export function countQuery(ctx: RouteContext, name: string, fallback: number, min = 0): number {
	const raw = queryValue(ctx, name);
	if (raw === undefined || raw === '') return fallback;
	const n = Math.floor(Number(raw));
	if (!Number.isFinite(n)) throw httpError(422, [`${name} must be a number conforming to the specified constraints`]);
	if (n < min) throw httpError(422, [`${name} must not be less than ${min}`]);
	return n;
}

export function zoneOf(state: SandboxState, locationId: string): string {
	return locationTimeZone(state, locationId);
}

export function stamp(ctx: RouteContext): string {
	return utc(ctx.now());
}

export function inZone(state: SandboxState, locationId: string, ms: number): string {
	return isoInZone(ms, zoneOf(state, locationId));
}

// ---------------------------------------------------------------------------------------------
// API shapes

export const groupToApi = (g: CalendarGroup) => ({ id: g.id, locationId: g.locationId, name: g.name, description: g.description, slug: g.slug, isActive: g.isActive });

/** CalendarDTO: everything stored, id first. */
export const calendarToApi = (c: Calendar): Record<string, unknown> => Object.assign({ id: c.id, locationId: c.locationId, name: c.name }, structuredClone(c));

/** A stored UTC time in the offset of the location: '2026-11-23T10:00:00-08:00'. */
const local = (state: SandboxState, locationId: string, iso: string) => {
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? iso : inZone(state, locationId, ms);
};

/** AppointmentSchemaResponse (create / edit). */
export const appointmentToApi = (state: SandboxState, a: Appointment) => ({
	id: a.id,
	calendarId: a.calendarId,
	locationId: a.locationId,
	contactId: a.contactId,
	startTime: local(state, a.locationId, a.startTime),
	endTime: local(state, a.locationId, a.endTime),
	title: a.title,
	meetingLocationType: a.meetingLocationType ?? 'default',
	meetingLocationId: a.meetingLocationId ?? 'default',
	appointmentStatus: a.appointmentStatus,
	assignedUserId: a.assignedUserId || undefined,
	address: a.address || undefined,
	description: a.description,
	isRecurring: a.isRecurring ?? false,
	rrule: a.rrule,
});

/** CalendarEventDTO (get appointment, event lists). */
export const eventToApi = (state: SandboxState, a: Appointment) => ({
	id: a.id,
	address: a.address ?? '',
	title: a.title,
	calendarId: a.calendarId,
	locationId: a.locationId,
	contactId: a.contactId,
	groupId: a.groupId ?? state.calendarStore.calendars.get(a.calendarId)?.groupId ?? '',
	appointmentStatus: a.appointmentStatus,
	assignedUserId: a.assignedUserId ?? '',
	users: a.users ? [...a.users] : a.assignedUserId ? [a.assignedUserId] : [],
	notes: a.notes ?? a.description ?? '',
	description: a.description ?? '',
	isRecurring: a.isRecurring ?? false,
	rrule: a.rrule,
	startTime: local(state, a.locationId, a.startTime),
	endTime: local(state, a.locationId, a.endTime),
	dateAdded: a.dateAdded,
	dateUpdated: a.dateUpdated,
	assignedResources: a.assignedResources ? [...a.assignedResources] : [],
	createdBy: a.createdBy ? { ...a.createdBy } : { source: 'third_party' },
	meetingLocationType: a.meetingLocationType ?? 'default',
	meetingLocationId: a.meetingLocationId ?? 'default',
});

/** BlockedSlotSuccessfulResponseDto, and the items of GET /calendars/blocked-slots. */
export const blockedSlotToApi = (state: SandboxState, b: BlockedSlot) => ({
	id: b.id,
	locationId: b.locationId,
	title: b.title,
	startTime: local(state, b.locationId, b.startTime),
	endTime: local(state, b.locationId, b.endTime),
	calendarId: b.calendarId,
	assignedUserId: b.assignedUserId,
	dateAdded: b.dateAdded,
	dateUpdated: b.dateUpdated,
});

export function noteToApi(state: SandboxState, n: AppointmentNote) {
	const user = n.userId ? state.users.get(n.userId) : undefined;
	return {
		id: n.id,
		body: n.body,
		userId: n.userId,
		dateAdded: n.dateAdded,
		contactId: n.contactId,
		...(user ? { createdBy: { id: user.id, name: user.name } } : {}),
	};
}

export function notificationToApi(n: CalendarNotification) {
	const out: Record<string, unknown> = structuredClone(n);
	delete out.calendarId;
	return out;
}

export const resourceToApi = (r: CalendarResource) => ({
	id: r.id,
	locationId: r.locationId,
	name: r.name,
	description: r.description,
	resourceType: r.resourceType,
	isActive: r.isActive,
	quantity: r.quantity,
	outOfService: r.outOfService,
	capacity: r.capacity,
	calendarIds: [...r.calendarIds],
});
