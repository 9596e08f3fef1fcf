// Calendar events (Version 2021-04-15): event and blocked-slot lists, appointments, blocked
// slots, deleting either, and the notes of an appointment.
import type { Appointment, AppointmentStatus, BlockedSlot, Calendar } from './state';
import { appointmentsOf, newCalendarId, utc } from './state';
import { isBookable, slotMinutes } from './slots';
import { MINUTE } from './time';
import type { Contact } from '../../state';
import { httpError, notFound } from '../../util';
import {
	appointmentToApi, blockedSlotToApi, calendarIn, checkUser, countQuery, eventToApi, msQuery, noteToApi, owned, parseTime, readStore, stamp, writeStore,
} from './common';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = "bookings are checked against free slots and overlaps, times answered in the location's zone";

export const SLOT_TAKEN = 'The slot you have selected is no longer available.';

// ---------------------------------------------------------------------------------------------
// Event lists

interface Timed {
	calendarId: string;
	locationId: string;
	assignedUserId?: string;
	users?: string[];
	startTime: string;
	endTime: string;
}

/** Items of `list` in the location, overlapping [startTime, endTime], of the calendar / user / group asked for. */
function eventsInRange<T extends Timed>(ctx: RouteContext, list: Iterable<T>): T[] {
	const locationId = String(queryValue(ctx, 'locationId'));
	const calendarId = queryValue(ctx, 'calendarId');
	const userId = queryValue(ctx, 'userId');
	const groupId = queryValue(ctx, 'groupId');
	if (!calendarId && !userId && !groupId) throw httpError(422, ['Either calendarId, userId or groupId is required']);
	const from = msQuery(ctx, 'startTime');
	const to = msQuery(ctx, 'endTime');
	if (from > to) throw httpError(422, ['endTime must be greater than or equal to startTime']);
	const calendars = ctx.state.calendarStore.calendars;
	const out: T[] = [];
	for (const e of list) {
		if (e.locationId !== locationId) continue;
		if (calendarId && e.calendarId !== calendarId) continue;
		if (userId && e.assignedUserId !== userId && !(e.users ?? []).includes(userId)) continue;
		if (groupId && calendars.get(e.calendarId)?.groupId !== groupId) continue;
		const start = Date.parse(e.startTime);
		const end = Date.parse(e.endTime);
		if (start < to && end > from) out.push(e);
	}
	return out.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
}

const listEvents: RouteDef = {
	method: 'GET',
	path: '/calendars/events', why: WHY,
	handle(ctx) {
		readStore(ctx);
		return { body: { events: eventsInRange(ctx, appointmentsOf(ctx.state).values()).map((a) => eventToApi(ctx.state, a)) } };
	},
};

const listBlockedSlots: RouteDef = {
	method: 'GET',
	path: '/calendars/blocked-slots', why: WHY,
	handle(ctx) {
		return { body: { events: eventsInRange(ctx, readStore(ctx).blockedSlots.values()).map((b) => blockedSlotToApi(ctx.state, b)) } };
	},
};

// ---------------------------------------------------------------------------------------------
// Appointments

function contactIn(ctx: RouteContext, contactId: unknown, locationId: string): Contact {
	const contact = typeof contactId === 'string' ? ctx.state.contacts.get(contactId) : undefined;
	if (!contact) throw notFound('Contact');
	if (contact.locationId !== locationId) throw httpError(422, [`Contact ${contact.id} does not belong to location ${locationId}`]);
	return contact;
}

function defaultTitle(calendar: Calendar, contact: Contact): string {
	const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.phone || 'Contact';
	const template = typeof calendar.eventTitle === 'string' && calendar.eventTitle ? calendar.eventTitle : '{{contact.name}}';
	return template
		.replace(/\{\{\s*contact\.name\s*\}\}/g, name)
		.replace(/\{\{\s*contact\.first_name\s*\}\}/g, contact.firstName ?? '')
		.replace(/\{\{\s*contact\.last_name\s*\}\}/g, contact.lastName ?? '');
}

function defaultAssignee(calendar: Calendar): string | undefined {
	const members = calendar.teamMembers ?? [];
	return (members.find((m) => m.isPrimary) ?? members[0])?.userId;
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

const createAppointment: RouteDef = {
	method: 'POST',
	path: '/calendars/events/appointments', why: WHY,
	handle(ctx) {
		writeStore(ctx);
		const b = body(ctx);
		const locationId = String(b.locationId);
		const calendar = calendarIn(ctx, b.calendarId, locationId);
		const contact = contactIn(ctx, b.contactId, locationId);
		checkUser(ctx.state, b.assignedUserId, locationId);
		const start = parseTime(b.startTime, 'startTime');
		const end = b.endTime !== undefined && b.endTime !== null && b.endTime !== '' ? parseTime(b.endTime, 'endTime') : start + slotMinutes(calendar).duration * MINUTE;
		if (end <= start) throw httpError(422, ['endTime must be after startTime']);
		const status = (str(b.appointmentStatus) ?? (calendar.autoConfirm === false ? 'new' : 'confirmed')) as AppointmentStatus;
		const skipCheck = b.ignoreFreeSlotValidation === true;
		if (!skipCheck && !isBookable(ctx.state, calendar, start, end, { now: ctx.now(), ignoreWindow: b.ignoreDateRange === true })) throw httpError(400, SLOT_TAKEN);

		const assignedUserId = str(b.assignedUserId) || defaultAssignee(calendar) || '';
		const rrule = skipCheck ? str(b.rrule) || undefined : undefined;
		const description = str(b.description);
		const now = stamp(ctx);
		const appointment: Appointment = {
			id: newCalendarId(ctx.state),
			calendarId: calendar.id,
			locationId,
			contactId: contact.id,
			groupId: calendar.groupId ?? '',
			title: str(b.title) || defaultTitle(calendar, contact),
			appointmentStatus: status,
			assignedUserId,
			users: assignedUserId ? [assignedUserId] : [],
			address: str(b.address) ?? '',
			notes: description ?? '',
			description,
			meetingLocationType: str(b.meetingLocationType) ?? (b.address ? 'custom' : 'default'),
			meetingLocationId: str(b.meetingLocationId) ?? 'default',
			isRecurring: Boolean(rrule),
			rrule,
			startTime: utc(start),
			endTime: utc(end),
			assignedResources: [],
			createdBy: { source: 'third_party' },
			dateAdded: now,
			dateUpdated: now,
		};
		appointmentsOf(ctx.state).set(appointment.id, appointment);
		return { body: appointmentToApi(ctx.state, appointment) };
	},
};

const getAppointment: RouteDef = {
	method: 'GET',
	path: '/calendars/events/appointments/{eventId}', why: WHY,
	handle(ctx) {
		readStore(ctx);
		return { body: { event: eventToApi(ctx.state, owned(ctx, appointmentsOf(ctx.state), ctx.params.eventId, 'Appointment')) } };
	},
};

const editAppointment: RouteDef = {
	method: 'PUT',
	path: '/calendars/events/appointments/{eventId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const appointment = owned(ctx, appointmentsOf(ctx.state), ctx.params.eventId, 'Appointment');
		const b = body(ctx);
		const calendar = b.calendarId ? calendarIn(ctx, b.calendarId, appointment.locationId) : store.calendars.get(appointment.calendarId);
		checkUser(ctx.state, b.assignedUserId, appointment.locationId);
		const oldStart = Date.parse(appointment.startTime);
		const oldEnd = Date.parse(appointment.endTime);
		const start = b.startTime ? parseTime(b.startTime, 'startTime') : oldStart;
		const end = b.endTime ? parseTime(b.endTime, 'endTime') : b.startTime ? start + (oldEnd - oldStart) : oldEnd;
		if (end <= start) throw httpError(422, ['endTime must be after startTime']);
		const status = (str(b.appointmentStatus) ?? appointment.appointmentStatus) as AppointmentStatus;
		const moved = start !== oldStart || end !== oldEnd || (calendar !== undefined && calendar.id !== appointment.calendarId);
		if (moved && status !== 'cancelled' && b.ignoreFreeSlotValidation !== true) {
			if (!calendar) throw notFound('Calendar');
			const options = { now: ctx.now(), ignoreWindow: b.ignoreDateRange === true, excludeEventId: appointment.id };
			if (!isBookable(ctx.state, calendar, start, end, options)) throw httpError(400, SLOT_TAKEN);
		}

		if (calendar) {
			appointment.calendarId = calendar.id;
			appointment.groupId = calendar.groupId ?? '';
		}
		appointment.startTime = utc(start);
		appointment.endTime = utc(end);
		appointment.appointmentStatus = status;
		if (str(b.title) !== undefined) appointment.title = str(b.title)!;
		const assignee = str(b.assignedUserId);
		if (assignee) {
			appointment.assignedUserId = assignee;
			appointment.users = [assignee];
		}
		for (const key of ['address', 'description', 'meetingLocationType', 'meetingLocationId'] as const) {
			const value = str(b[key]);
			if (value !== undefined) appointment[key] = value;
		}
		if (str(b.description) !== undefined) appointment.notes = str(b.description)!;
		if (b.rrule !== undefined && b.ignoreFreeSlotValidation === true) {
			appointment.rrule = str(b.rrule) || undefined;
			appointment.isRecurring = Boolean(appointment.rrule);
		}
		appointment.dateUpdated = stamp(ctx);
		return { body: appointmentToApi(ctx.state, appointment) };
	},
};

const deleteEvent: RouteDef = {
	method: 'DELETE',
	path: '/calendars/events/{eventId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const id = ctx.params.eventId;
		const appointments = appointmentsOf(ctx.state);
		const appointment = appointments.get(id);
		const blocked = store.blockedSlots.get(id);
		const event = appointment ?? blocked;
		if (!event) throw notFound('Event');
		assertLocationAccess(ctx, event.locationId);
		if (appointment) {
			appointments.delete(id);
			for (const [noteId, n] of store.appointmentNotes) if (n.appointmentId === id) store.appointmentNotes.delete(noteId);
		} else {
			store.blockedSlots.delete(id);
		}
		return { body: { succeeded: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Blocked slots

const createBlockSlot: RouteDef = {
	method: 'POST',
	path: '/calendars/events/block-slots', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const b = body(ctx);
		const locationId = String(b.locationId);
		const missing = ['startTime', 'endTime'].filter((k) => !b[k]).map((k) => `${k} should not be empty`);
		if (missing.length > 0) throw httpError(422, missing);
		const calendar = calendarIn(ctx, b.calendarId, locationId);
		checkUser(ctx.state, b.assignedUserId, locationId);
		const start = parseTime(b.startTime, 'startTime');
		const end = parseTime(b.endTime, 'endTime');
		if (end <= start) throw httpError(422, ['endTime must be after startTime']);
		const now = stamp(ctx);
		const slot: BlockedSlot = {
			id: newCalendarId(ctx.state),
			calendarId: calendar.id,
			locationId,
			title: str(b.title) ?? '',
			assignedUserId: str(b.assignedUserId) || undefined,
			startTime: utc(start),
			endTime: utc(end),
			dateAdded: now,
			dateUpdated: now,
		};
		store.blockedSlots.set(slot.id, slot);
		return { body: blockedSlotToApi(ctx.state, slot) };
	},
};

const editBlockSlot: RouteDef = {
	method: 'PUT',
	path: '/calendars/events/block-slots/{eventId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const slot = owned(ctx, store.blockedSlots, ctx.params.eventId, 'Blocked slot');
		const b = body(ctx);
		const calendar = calendarIn(ctx, b.calendarId, slot.locationId);
		checkUser(ctx.state, b.assignedUserId, slot.locationId);
		const start = b.startTime ? parseTime(b.startTime, 'startTime') : Date.parse(slot.startTime);
		const end = b.endTime ? parseTime(b.endTime, 'endTime') : Date.parse(slot.endTime);
		if (end <= start) throw httpError(422, ['endTime must be after startTime']);
		slot.calendarId = calendar.id;
		slot.startTime = utc(start);
		slot.endTime = utc(end);
		if (str(b.title) !== undefined) slot.title = str(b.title)!;
		if (str(b.assignedUserId)) slot.assignedUserId = str(b.assignedUserId);
		slot.dateUpdated = stamp(ctx);
		return { body: blockedSlotToApi(ctx.state, slot) };
	},
};

// ---------------------------------------------------------------------------------------------
// Appointment notes

function appointmentOf(ctx: RouteContext): Appointment {
	return owned(ctx, appointmentsOf(ctx.state), ctx.params.appointmentId, 'Appointment');
}

const listNotes: RouteDef = {
	method: 'GET',
	path: '/calendars/appointments/{appointmentId}/notes', why: WHY,
	handle(ctx) {
		const store = readStore(ctx);
		const appointment = appointmentOf(ctx);
		const limit = countQuery(ctx, 'limit', 10, 1);
		const offset = countQuery(ctx, 'offset', 0);
		const notes = [...store.appointmentNotes.values()].filter((n) => n.appointmentId === appointment.id).sort((a, b) => b.seq - a.seq);
		return { body: { notes: notes.slice(offset, offset + limit).map((n) => noteToApi(ctx.state, n)), hasMore: offset + limit < notes.length } };
	},
};

const createNote: RouteDef = {
	method: 'POST',
	path: '/calendars/appointments/{appointmentId}/notes', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		const appointment = appointmentOf(ctx);
		const b = body(ctx);
		checkUser(ctx.state, b.userId, appointment.locationId);
		const note = {
			id: newCalendarId(ctx.state),
			appointmentId: appointment.id,
			contactId: appointment.contactId,
			body: String(b.body),
			userId: str(b.userId) || undefined,
			seq: ++store.noteSeq,
			dateAdded: stamp(ctx),
		};
		store.appointmentNotes.set(note.id, note);
		return { body: { note: noteToApi(ctx.state, note) } };
	},
};

function noteOf(ctx: RouteContext) {
	const appointment = appointmentOf(ctx);
	const note = ctx.state.calendarStore.appointmentNotes.get(ctx.params.noteId);
	if (!note || note.appointmentId !== appointment.id) throw notFound('Note');
	return note;
}

const updateNote: RouteDef = {
	method: 'PUT',
	path: '/calendars/appointments/{appointmentId}/notes/{noteId}', why: WHY,
	handle(ctx) {
		writeStore(ctx);
		const note = noteOf(ctx);
		const b = body(ctx);
		checkUser(ctx.state, b.userId, appointmentOf(ctx).locationId);
		note.body = String(b.body);
		if (str(b.userId)) note.userId = str(b.userId);
		return { body: { note: noteToApi(ctx.state, note) } };
	},
};

const deleteNote: RouteDef = {
	method: 'DELETE',
	path: '/calendars/appointments/{appointmentId}/notes/{noteId}', why: WHY,
	handle(ctx) {
		const store = writeStore(ctx);
		store.appointmentNotes.delete(noteOf(ctx).id);
		return { body: { success: true } };
	},
};

export const calendarEventRoutes: RouteDef[] = [
	listEvents, listBlockedSlots,
	createAppointment, getAppointment, editAppointment, deleteEvent,
	createBlockSlot, editBlockSlot,
	listNotes, createNote, updateNote, deleteNote,
];
