// Calendars API (Version 2021-04-15): groups, calendars and free slots. calendarRoutes is the
// whole Calendars & Appointments family (events, notes, notifications and resources included).
import type { Calendar, CalendarGroup } from './state';
import { calendarDefaults, newCalendarId, slugify } from './state';
import { groupByDay, freeSlotStarts } from './slots';
import { DAY, isTimeZone, isoInZone } from './time';
import { httpError, isPlainObject, notFound } from '../../util';
import { calendarEventRoutes } from './events';
import { calendarResourceRoutes } from './resources';
import { calendarToApi, checkUser, groupToApi, owned, readStore, writeStore, zoneOf } from './common';
import type { RouteContext, RouteDef } from '../../route';
import { body, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = "free slots are computed from opening hours, bookings and blocked slots in the location's time zone";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugTaken(ctx: RouteContext, locationId: string, slug: string, exceptId?: string): boolean {
	for (const g of ctx.state.calendarStore.groups.values()) if (g.locationId === locationId && g.slug === slug && g.id !== exceptId) return true;
	return false;
}

function checkSlug(ctx: RouteContext, locationId: string, slug: string, exceptId?: string): void {
	if (!SLUG.test(slug)) throw httpError(422, ['slug must contain only lowercase letters, numbers and hyphens']);
	if (slugTaken(ctx, locationId, slug, exceptId)) throw httpError(400, `The slug "${slug}" is already used by another group of this location`);
}

// ---------------------------------------------------------------------------------------------
// Groups

const listGroups: RouteDef = {
	method: 'GET',
	path: '/calendars/groups', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const groups = [...readStore(ctx).groups.values()].filter((g) => g.locationId === locationId);
		return { body: { groups: groups.map(groupToApi) } };
	},
};

const createGroup: RouteDef = {
	method: 'POST',
	path: '/calendars/groups', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const b = body(ctx);
		const locationId = String(b.locationId);
		const slug = String(b.slug);
		checkSlug(ctx, locationId, slug);
		const group: CalendarGroup = {
			id: newCalendarId(ctx.state),
			locationId,
			name: String(b.name),
			description: String(b.description),
			slug,
			isActive: b.isActive !== false,
		};
		store.groups.set(group.id, group);
		return { body: { group: groupToApi(group) } };
	},
};

const validateSlug: RouteDef = {
	method: 'POST',
	path: '/calendars/groups/validate-slug', why: WHY,
	handle(ctx) {
		readStore(ctx);
		const b = body(ctx);
		const slug = String(b.slug);
		return { body: { available: SLUG.test(slug) && !slugTaken(ctx, String(b.locationId), slug) } };
	},
};

const updateGroup: RouteDef = {
	method: 'PUT',
	path: '/calendars/groups/{groupId}', why: WHY,
	handle(ctx) {
		const group = owned(ctx, writeStore(ctx).groups, ctx.params.groupId, 'Group');
		const b = body(ctx);
		checkSlug(ctx, group.locationId, String(b.slug), group.id);
		group.name = String(b.name);
		group.description = String(b.description);
		group.slug = String(b.slug);
		return { body: { group: groupToApi(group) } };
	},
};

const groupStatus: RouteDef = {
	method: 'PUT',
	path: '/calendars/groups/{groupId}/status', why: WHY,
	handle(ctx) {
		const group = owned(ctx, writeStore(ctx).groups, ctx.params.groupId, 'Group');
		group.isActive = body(ctx).isActive === true;
		return { body: { success: true } };
	},
};

const deleteGroup: RouteDef = {
	method: 'DELETE',
	path: '/calendars/groups/{groupId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const group = owned(ctx, store.groups, ctx.params.groupId, 'Group');
		store.groups.delete(group.id);
		// Its calendars stay, ungrouped.
		for (const c of store.calendars.values()) if (c.groupId === group.id) delete c.groupId;
		return { body: { success: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Calendars

/** Checks the references of a calendar create/update body (group, team members). */
function checkCalendarRefs(ctx: RouteContext, locationId: string, b: Record<string, unknown>): void {
	if (typeof b.groupId === 'string' && b.groupId !== '') {
		const group = ctx.state.calendarStore.groups.get(b.groupId);
		if (!group || group.locationId !== locationId) throw notFound('Group');
	}
	if (Array.isArray(b.teamMembers)) for (const m of b.teamMembers) if (isPlainObject(m)) checkUser(ctx.state, m.userId, locationId);
}

const listCalendars: RouteDef = {
	method: 'GET',
	path: '/calendars/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const groupId = queryValue(ctx, 'groupId');
		const showDrafted = queryValue(ctx, 'showDrafted') !== 'false';
		const calendars = [...readStore(ctx).calendars.values()].filter(
			(c) => c.locationId === locationId && (!groupId || c.groupId === groupId) && (showDrafted || c.isActive),
		);
		return { body: { calendars: calendars.map(calendarToApi) } };
	},
};

const getCalendar: RouteDef = {
	method: 'GET',
	path: '/calendars/{calendarId}', why: WHY,
	handle(ctx) {
		return { body: { calendar: calendarToApi(owned(ctx, readStore(ctx).calendars, ctx.params.calendarId, 'Calendar')) } };
	},
};

const createCalendar: RouteDef = {
	method: 'POST',
	path: '/calendars/', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const b = structuredClone(body(ctx));
		const locationId = String(b.locationId);
		checkCalendarRefs(ctx, locationId, b);
		if (b.groupId === '') delete b.groupId;
		const name = String(b.name);
		const slug = typeof b.slug === 'string' && b.slug ? b.slug : slugify(name);
		const calendar: Calendar = {
			...calendarDefaults(),
			...b,
			id: newCalendarId(ctx.state),
			locationId,
			name,
			slug,
			widgetSlug: typeof b.widgetSlug === 'string' && b.widgetSlug ? b.widgetSlug : slug,
		} as Calendar;
		store.calendars.set(calendar.id, calendar);
		return { body: { calendar: calendarToApi(calendar) } };
	},
};

const updateCalendar: RouteDef = {
	method: 'PUT',
	path: '/calendars/{calendarId}', why: WHY,
	handle(ctx) {
		const calendar = owned(ctx, writeStore(ctx).calendars, ctx.params.calendarId, 'Calendar');
		const b = structuredClone(body(ctx));
		checkCalendarRefs(ctx, calendar.locationId, b);
		for (const [key, value] of Object.entries(b)) {
			if (key === 'id' || key === 'locationId' || value === undefined) continue;
			if (key === 'groupId' && (value === '' || value === null)) delete calendar.groupId;
			else calendar[key] = value;
		}
		return { body: { calendar: calendarToApi(calendar) } };
	},
};

const deleteCalendar: RouteDef = {
	method: 'DELETE',
	path: '/calendars/{calendarId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const calendar = owned(ctx, store.calendars, ctx.params.calendarId, 'Calendar');
		store.calendars.delete(calendar.id);
		for (const [id, n] of store.notifications) if (n.calendarId === calendar.id) store.notifications.delete(id);
		for (const [id, b] of store.blockedSlots) if (b.calendarId === calendar.id) store.blockedSlots.delete(id);
		for (const r of store.resources.values()) r.calendarIds = r.calendarIds.filter((id) => id !== calendar.id);
		return { body: { success: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Free slots

const MAX_RANGE_DAYS = 31;

const freeSlots: RouteDef = {
	method: 'GET',
	path: '/calendars/{calendarId}/free-slots', why: WHY,
	handle(ctx) {
		const calendar = owned(ctx, readStore(ctx).calendars, ctx.params.calendarId, 'Calendar');
		const startDate = Number(queryValue(ctx, 'startDate'));
		const endDate = Number(queryValue(ctx, 'endDate'));
		if (startDate > endDate) throw httpError(422, ['endDate must be greater than or equal to startDate']);
		if (endDate - startDate > MAX_RANGE_DAYS * DAY) throw httpError(422, [`The date range cannot be more than ${MAX_RANGE_DAYS} days`]);
		const timeZone = queryValue(ctx, 'timezone') || zoneOf(ctx.state, calendar.locationId);
		if (!isTimeZone(timeZone)) throw httpError(422, [`timezone must be a valid IANA time zone (got "${timeZone}")`]);
		const starts = freeSlotStarts(ctx.state, calendar, startDate, endDate, { now: ctx.now() });
		return { body: groupByDay(starts, timeZone, (ms) => isoInZone(ms, timeZone)) };
	},
};

export const calendarRoutes: RouteDef[] = [
	listGroups, createGroup, validateSlug, updateGroup, groupStatus, deleteGroup,
	listCalendars, getCalendar, createCalendar, updateCalendar, deleteCalendar,
	freeSlots,
	...calendarEventRoutes,
	...calendarResourceRoutes,
];
