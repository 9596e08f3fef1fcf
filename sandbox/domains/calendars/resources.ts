// Calendar notifications and calendar resources (rooms, equipments), Version 2021-04-15.
import type { Calendar, CalendarNotification, CalendarResource } from './state';
import { newCalendarId, objectId } from './state';
import { httpError, isPlainObject, notFound } from '../../util';
import { calendarIn, countQuery, notificationToApi, owned, readStore, resourceToApi, writeStore } from './common';
import type { RouteContext, RouteDef } from '../../route';
import { body, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'notifications soft-delete and filter; rooms/equipment must name calendars of the location';

// ---------------------------------------------------------------------------------------------
// Notifications

function calendarOf(ctx: RouteContext): Calendar {
	return owned(ctx, ctx.state.calendarStore.calendars, ctx.params.calendarId, 'Calendar');
}

function notificationOf(ctx: RouteContext): CalendarNotification {
	const calendar = calendarOf(ctx);
	const n = ctx.state.calendarStore.notifications.get(ctx.params.notificationId);
	if (!n || n.calendarId !== calendar.id) throw notFound('Notification');
	return n;
}

const listNotifications: RouteDef = {
	method: 'GET',
	path: '/calendars/{calendarId}/notifications', why: WHY,
	handle(ctx) {
		const store = readStore(ctx);
		const calendar = calendarOf(ctx);
		const isActive = queryValue(ctx, 'isActive');
		const deleted = queryValue(ctx, 'deleted') === 'true';
		const skip = countQuery(ctx, 'skip', 0);
		const limit = countQuery(ctx, 'limit', 100);
		const list = [...store.notifications.values()].filter(
			(n) => n.calendarId === calendar.id && n.deleted === deleted && (isActive === undefined || isActive === '' || String(n.isActive) === isActive),
		);
		return { body: list.slice(skip, skip + limit).map(notificationToApi) };
	},
};

const createNotifications: RouteDef = {
	method: 'POST',
	path: '/calendars/{calendarId}/notifications', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const calendar = calendarOf(ctx);
		if (!Array.isArray(ctx.body)) throw httpError(422, ['body must be an array']);
		const created: CalendarNotification[] = ctx.body.filter(isPlainObject).map((item) => ({
			...structuredClone(item),
			_id: objectId(ctx.state),
			calendarId: calendar.id,
			receiverType: String(item.receiverType),
			channel: String(item.channel),
			notificationType: String(item.notificationType),
			isActive: item.isActive !== false,
			deleted: false,
		}));
		for (const n of created) store.notifications.set(n._id, n);
		return { body: created.map(notificationToApi) };
	},
};

const getNotification: RouteDef = {
	method: 'GET',
	path: '/calendars/{calendarId}/notifications/{notificationId}', why: WHY,
	handle(ctx) {
		readStore(ctx);
		return { body: notificationToApi(notificationOf(ctx)) };
	},
};

const updateNotification: RouteDef = {
	method: 'PUT',
	path: '/calendars/{calendarId}/notifications/{notificationId}', why: WHY,
	handle(ctx) {
		writeStore(ctx);
		const n = notificationOf(ctx);
		for (const [key, value] of Object.entries(structuredClone(body(ctx)))) if (key !== '_id' && key !== 'calendarId' && value !== undefined) n[key] = value;
		return { body: { message: 'Notification updated successfully' } };
	},
};

const deleteNotification: RouteDef = {
	method: 'DELETE',
	path: '/calendars/{calendarId}/notifications/{notificationId}', why: WHY,
	handle(ctx) {
		writeStore(ctx);
		notificationOf(ctx).deleted = true;
		return { body: { message: 'Notification deleted successfully' } };
	},
};

// ---------------------------------------------------------------------------------------------
// Resources (rooms, equipments)

type ResourceType = CalendarResource['resourceType'];

/** The path parameter is not checked by the contract validator (query and body only). */
function resourceType(ctx: RouteContext): ResourceType {
	const type = ctx.params.resourceType;
	if (type !== 'equipments' && type !== 'rooms') throw httpError(422, ['resourceType must be one of the following values: equipments, rooms']);
	return type;
}

function resourceOf(ctx: RouteContext): CalendarResource {
	resourceType(ctx);
	const r = owned(ctx, ctx.state.calendarStore.resources, ctx.params.id, 'Calendar resource');
	if (r.resourceType !== ctx.params.resourceType) throw notFound('Calendar resource');
	return r;
}

function calendarIds(ctx: RouteContext, value: unknown, locationId: string): string[] {
	const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	for (const id of ids) calendarIn(ctx, id, locationId);
	return [...new Set(ids)];
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

const listResources: RouteDef = {
	method: 'GET',
	path: '/calendars/resources/{resourceType}', why: WHY,
	handle(ctx) {
		const store = readStore(ctx);
		const type = resourceType(ctx);
		const locationId = String(queryValue(ctx, 'locationId'));
		const skip = countQuery(ctx, 'skip', 0);
		const limit = countQuery(ctx, 'limit', 100);
		const list = [...store.resources.values()].filter((r) => r.locationId === locationId && r.resourceType === type);
		return { body: list.slice(skip, skip + limit).map(resourceToApi) };
	},
};

const createResource: RouteDef = {
	method: 'POST',
	path: '/calendars/resources/{resourceType}', why: WHY,
	handle(ctx) {
		const type = resourceType(ctx);
		const store = writeStore(ctx);
		const b = body(ctx);
		const locationId = String(b.locationId);
		const resource: CalendarResource = {
			id: newCalendarId(ctx.state),
			locationId,
			resourceType: type,
			name: String(b.name),
			description: String(b.description ?? ''),
			quantity: num(b.quantity, 1),
			outOfService: num(b.outOfService, 0),
			capacity: num(b.capacity, 1),
			isActive: true,
			calendarIds: calendarIds(ctx, b.calendarIds, locationId),
		};
		store.resources.set(resource.id, resource);
		return { body: resourceToApi(resource) };
	},
};

const getResource: RouteDef = {
	method: 'GET',
	path: '/calendars/resources/{resourceType}/{id}', why: WHY,
	handle(ctx) {
		readStore(ctx);
		return { body: resourceToApi(resourceOf(ctx)) };
	},
};

const updateResource: RouteDef = {
	method: 'PUT',
	path: '/calendars/resources/{resourceType}/{id}', why: WHY,
	handle(ctx) {
		writeStore(ctx);
		const r = resourceOf(ctx);
		const b = body(ctx);
		if (typeof b.locationId === 'string' && b.locationId !== r.locationId) throw httpError(400, 'The location of a resource cannot be changed');
		if (typeof b.name === 'string') r.name = b.name;
		if (typeof b.description === 'string') r.description = b.description;
		r.quantity = num(b.quantity, r.quantity);
		r.outOfService = num(b.outOfService, r.outOfService);
		r.capacity = num(b.capacity, r.capacity);
		if (typeof b.isActive === 'boolean') r.isActive = b.isActive;
		if (b.calendarIds !== undefined) r.calendarIds = calendarIds(ctx, b.calendarIds, r.locationId);
		return { body: resourceToApi(r) };
	},
};

const deleteResource: RouteDef = {
	method: 'DELETE',
	path: '/calendars/resources/{resourceType}/{id}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		store.resources.delete(resourceOf(ctx).id);
		return { body: { success: true } };
	},
};

export const calendarResourceRoutes: RouteDef[] = [
	listNotifications, createNotifications, getNotification, updateNotification, deleteNotification,
	listResources, createResource, getResource, updateResource, deleteResource,
];
