// Calendars & Appointments data of the sandbox (state.calendarStore) and its deterministic seed:
// 2 groups, 3 calendars, 4 appointments (in the shared state.appointments), 1 blocked slot,
// 1 appointment note, 2 notifications, 1 room and 1 equipment, all in DEMO.locationId.
// Seeded times are relative to the sandbox clock.
import { DAY, HOUR, MINUTE, addDays, localDate, wallTime, zonedToUtc } from './time';
import { DEMO } from '../../demo';
import type { Appointment as ContactAppointment, AppointmentStatus } from '../contactExtras/state';
import type { CoreState } from '../accounts/state';
import { makeId } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { calendarStore: CalendarStore; appointments: Map<string, ContactAppointment> };

export interface CalendarGroup {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive: boolean;
}

export interface OpenHourRange {
	openHour: number;
	openMinute: number;
	closeHour: number;
	closeMinute: number;
}

export interface OpenHour {
	/** 0 = Sunday ... 6 = Saturday */
	daysOfTheWeek: number[];
	hours: OpenHourRange[];
}

export interface TeamMember {
	userId: string;
	priority?: number;
	isPrimary?: boolean;
	[key: string]: unknown;
}

/** CalendarDTO: the known fields plus whatever else a create/update sent (stored as given). */
export interface Calendar {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	widgetSlug: string;
	groupId?: string;
	calendarType: string;
	isActive: boolean;
	teamMembers: TeamMember[];
	openHours: OpenHour[];
	availabilities: Array<{ date: string; hours: OpenHourRange[]; deleted?: boolean }>;
	slotDuration: number;
	slotDurationUnit: 'mins' | 'hours';
	slotInterval: number;
	slotIntervalUnit: 'mins' | 'hours';
	appoinmentPerSlot: number;
	autoConfirm: boolean;
	eventTitle: string;
	eventColor: string;
	[key: string]: unknown;
}

/**
 * Appointments live in state.appointments (contactExtrasState.ts, shared with the contact routes);
 * those booked through the calendar routes carry these extra fields too. Times are stored as
 * UTC ISO strings and answered in the location's offset.
 */
export type Appointment = ContactAppointment & {
	/** The calendar's group when booked ('' when none). */
	groupId?: string;
	users?: string[];
	description?: string;
	meetingLocationType?: string;
	meetingLocationId?: string;
	isRecurring?: boolean;
	rrule?: string;
	assignedResources?: string[];
	createdBy?: { source: string; userId?: string };
};

export type { AppointmentStatus } from '../contactExtras/state';

/** state.appointments, typed with the calendar fields. */
export function appointmentsOf(state: State): Map<string, Appointment> {
	return state.appointments as Map<string, Appointment>;
}

export interface BlockedSlot {
	id: string;
	calendarId: string;
	locationId: string;
	title: string;
	assignedUserId?: string;
	/** UTC ISO 8601, answered in the location's offset. */
	startTime: string;
	endTime: string;
	dateAdded: string;
	dateUpdated: string;
}

export interface AppointmentNote {
	id: string;
	appointmentId: string;
	contactId: string;
	body: string;
	userId?: string;
	/** Insertion order: notes list newest first. */
	seq: number;
	dateAdded: string;
}

export interface CalendarNotification {
	_id: string;
	calendarId: string;
	receiverType: string;
	channel: string;
	notificationType: string;
	isActive: boolean;
	deleted: boolean;
	[key: string]: unknown;
}

export interface CalendarResource {
	id: string;
	locationId: string;
	resourceType: 'equipments' | 'rooms';
	name: string;
	description: string;
	quantity: number;
	outOfService: number;
	capacity: number;
	isActive: boolean;
	calendarIds: string[];
}

export interface CalendarStore {
	groups: Map<string, CalendarGroup>;
	calendars: Map<string, Calendar>;
	/** Blocked time (GET /calendars/blocked-slots). */
	blockedSlots: Map<string, BlockedSlot>;
	appointmentNotes: Map<string, AppointmentNote>;
	/** Soft-deleted ones stay with deleted: true. */
	notifications: Map<string, CalendarNotification>;
	resources: Map<string, CalendarResource>;
	/** Clock time (epoch ms) the seeded times were computed from. */
	anchor: number;
	/** Set by the first write through the API; until then the seed follows the sandbox clock. */
	touched: boolean;
	noteSeq: number;
}

/** Fixed ids of the seeded calendar data (the same on every run). */
export const CALENDAR_DEMO = {
	groupIds: ['6jygPrwvfZdY3E4iA3jh', 'YE43QeCpDZSLerc894tp'] as string[],
	/**
	 * [0] "New Patient Consultation", [1] "Hygiene Cleaning" (in groupIds[0]), [2] "Follow-up Call".
	 * [0] and [1] are the calendars of the contact-seeded appointments (APPOINTMENT_CALENDAR_IDS).
	 */
	calendarIds: ['Wk75xRJyMcuLdvluyoEW', '94LziwnK1o3chEqV7ZUV', 'Op0PAavWr2sIDJaJbRwO'] as string[],
	/** In state.appointments: [0..2] booked, [3] cancelled; seeded only when DEMO.locationId has contacts. */
	appointmentIds: ['P4pJnP0MgcTxZ9ohrB7r', '6D1M14DbqY8XAeW6WJcm', 'dhezzfW9o3hpwrLcg9N9', '4Fw8gyLhoC8px0tRbrYJ'] as string[],
	blockedSlotId: 'OPV72L3MxNemE4zvGWhb',
	/** A note on appointmentIds[0]. */
	appointmentNoteId: 'tdhlMMJKHF4sb6SZezgQ',
	/** Both on calendarIds[0]. */
	notificationIds: ['6650f1a2b3c4d5e6f7a8b901', '6650f1a2b3c4d5e6f7a8b902'] as string[],
	roomId: 'PNJVBrbpuNEIjRmsH8lT',
	equipmentId: '9BRIi5ASJ2dGGJAsVvc9',
} as const;

export function createCalendarStore(): CalendarStore {
	return {
		groups: new Map(),
		calendars: new Map(),
		blockedSlots: new Map(),
		appointmentNotes: new Map(),
		notifications: new Map(),
		resources: new Map(),
		anchor: 0,
		touched: false,
		noteSeq: 0,
	};
}

const MAPS = ['groups', 'calendars', 'blockedSlots', 'appointmentNotes', 'notifications', 'resources'] as const;

/** Copies `from` into `into`, keeping the Map identities of `into` (for holders of state). */
export function resetCalendarStore(into: CalendarStore, from: CalendarStore): void {
	for (const key of MAPS) {
		const target = into[key] as Map<string, unknown>;
		target.clear();
		for (const [k, v] of from[key] as Map<string, unknown>) target.set(k, v);
	}
	into.anchor = from.anchor;
	into.touched = from.touched;
	into.noteSeq = from.noteSeq;
}

export function locationTimeZone(state: State, locationId: string): string {
	return state.locations.get(locationId)?.timezone || 'UTC';
}

/** A Mongo-style 24-hex id (notifications answer with `_id`). */
export function objectId(state: State): string {
	let out = '';
	while (out.length < 24) out += Math.floor(state.idRng() * 0x10000).toString(16).padStart(4, '0');
	return out.slice(0, 24);
}

export const utc = (ms: number) => new Date(ms).toISOString();

export function newCalendarId(state: State): string {
	return makeId(state.idRng);
}

export const WEEKDAYS_9_TO_5: OpenHour[] = [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }];

/** Defaults HighLevel fills in for a new calendar. */
export function calendarDefaults(): Omit<Calendar, 'id' | 'locationId' | 'name' | 'slug' | 'widgetSlug'> {
	return {
		description: '',
		calendarType: 'event',
		isActive: true,
		teamMembers: [],
		eventType: 'RoundRobin_OptimizeForAvailability',
		widgetType: 'classic',
		eventTitle: '{{contact.name}}',
		eventColor: '#039be5',
		locationConfigurations: [],
		openHours: [],
		availabilities: [],
		slotDuration: 30,
		slotDurationUnit: 'mins',
		slotInterval: 30,
		slotIntervalUnit: 'mins',
		slotBuffer: 0,
		preBuffer: 0,
		appoinmentPerSlot: 1,
		appoinmentPerDay: 0,
		allowBookingAfter: 0,
		allowBookingAfterUnit: 'hours',
		allowBookingFor: 0,
		allowBookingForUnit: 'days',
		enableRecurring: false,
		autoConfirm: true,
		googleInvitationEmails: false,
		allowReschedule: true,
		allowCancellation: true,
		formSubmitType: 'ThankYouMessage',
		formSubmitThanksMessage: 'Thank you for your appointment request. We will contact you shortly to confirm your request. Please call our office at {{contactMethod}} if you have any questions.',
		notes: '',
	};
}

export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Seed

/** The first and second weekdays (Mon-Fri) after `now`'s local date. */
function nextWeekdays(now: number, timeZone: string, count: number): Array<{ year: number; month: number; day: number }> {
	const today = wallTime(now, timeZone);
	const out: Array<{ year: number; month: number; day: number }> = [];
	for (let i = 1; out.length < count; i++) {
		const d = addDays(today.year, today.month, today.day, i);
		if (d.weekday >= 1 && d.weekday <= 5) out.push(d);
	}
	return out;
}

/** Fills state.calendarStore (and its appointments into state.appointments) with the seed, times relative to `now`. */
export function seedCalendars(state: State, now: number): void {
	const store = state.calendarStore;
	for (const key of MAPS) store[key].clear();
	const appointments = appointmentsOf(state);
	for (const id of CALENDAR_DEMO.appointmentIds) appointments.delete(id);
	store.anchor = now;
	store.touched = false;
	store.noteSeq = 0;

	const locationId = DEMO.locationId;
	const tz = locationTimeZone(state, locationId);
	const [, u1, u2, u3] = DEMO.userIds;
	const [g1, g2] = CALENDAR_DEMO.groupIds;
	const [c1, c2, c3] = CALENDAR_DEMO.calendarIds;

	store.groups.set(g1, { id: g1, locationId, name: 'Hygiene Team', description: 'Hygienists and their cleaning calendars', slug: 'hygiene-team', isActive: true });
	store.groups.set(g2, { id: g2, locationId, name: 'Front Desk', description: 'Reception and follow-ups', slug: 'front-desk', isActive: true });

	const calendar = (id: string, name: string, extra: Partial<Calendar>): Calendar => ({
		...calendarDefaults(),
		id,
		locationId,
		name,
		slug: slugify(name),
		widgetSlug: slugify(name),
		openHours: structuredClone(WEEKDAYS_9_TO_5),
		...extra,
	}) as Calendar;
	store.calendars.set(c1, calendar(c1, 'New Patient Consultation', {
		description: 'First visit: exam and treatment plan',
		teamMembers: [{ userId: u1, priority: 0.5, isPrimary: true, locationConfigurations: [{ kind: 'physical', location: '100 Market Street, San Francisco' }] }],
		locationConfigurations: [{ kind: 'physical', location: '100 Market Street, San Francisco' }],
	}));
	store.calendars.set(c2, calendar(c2, 'Hygiene Cleaning', {
		description: 'Routine cleaning with a hygienist',
		groupId: g1,
		calendarType: 'round_robin',
		teamMembers: [{ userId: u2, priority: 0.5, isPrimary: true }, { userId: u3, priority: 0.5, isPrimary: false }],
		eventColor: '#33b679',
	}));
	store.calendars.set(c3, calendar(c3, 'Follow-up Call', {
		description: 'A short phone call after treatment',
		teamMembers: [{ userId: u2, priority: 0.5, isPrimary: true }],
		locationConfigurations: [{ kind: 'outbound_call', location: '' }],
		autoConfirm: false,
		eventColor: '#f6bf26',
	}));

	const [day1, day2] = nextWeekdays(now, tz, 2);
	const at = (d: { year: number; month: number; day: number }, hour: number, minute = 0) => zonedToUtc(d.year, d.month, d.day, hour, minute, tz);
	const contacts: Array<{ id: string; name: string }> = [];
	for (const c of state.contacts.values()) {
		if (c.locationId !== locationId) continue;
		contacts.push({ id: c.id, name: [c.firstName, c.lastName].filter(Boolean).join(' ') });
		if (contacts.length === 4) break;
	}
	const stamp = utc(now - DAY);
	if (contacts.length > 0) {
		const appointment = (id: string, calendarId: string, contactIndex: number, start: number, status: AppointmentStatus, userId: string, title: string): Appointment => {
			const contact = contacts[contactIndex % contacts.length];
			return {
				id, calendarId, locationId, contactId: contact.id, groupId: store.calendars.get(calendarId)?.groupId ?? '',
				title: `${title} - ${contact.name}`, appointmentStatus: status, assignedUserId: userId, users: [userId],
				address: '', notes: '', meetingLocationType: 'default', meetingLocationId: 'default', isRecurring: false,
				startTime: utc(start), endTime: utc(start + 30 * MINUTE), assignedResources: [],
				createdBy: { source: 'third_party' }, dateAdded: stamp, dateUpdated: stamp,
			};
		};
		const [a1, a2, a3, a4] = CALENDAR_DEMO.appointmentIds;
		appointments.set(a1, appointment(a1, c1, 0, at(day1, 10), 'confirmed', u1, 'Consultation'));
		appointments.set(a2, appointment(a2, c1, 1, at(day2, 14), 'new', u1, 'Consultation'));
		appointments.set(a3, appointment(a3, c2, 2, at(day1, 11), 'confirmed', u2, 'Cleaning'));
		appointments.set(a4, appointment(a4, c1, 3, at(day1, 15), 'cancelled', u1, 'Consultation'));
		store.appointmentNotes.set(CALENDAR_DEMO.appointmentNoteId, {
			id: CALENDAR_DEMO.appointmentNoteId, appointmentId: a1, contactId: contacts[0].id, body: 'Patient asked about whitening options.',
			userId: u1, seq: ++store.noteSeq, dateAdded: stamp,
		});
	}
	store.blockedSlots.set(CALENDAR_DEMO.blockedSlotId, {
		id: CALENDAR_DEMO.blockedSlotId, calendarId: c1, locationId, title: 'Lunch break', assignedUserId: u1,
		startTime: utc(at(day1, 12)), endTime: utc(at(day1, 12) + HOUR), dateAdded: stamp, dateUpdated: stamp,
	});

	const [n1, n2] = CALENDAR_DEMO.notificationIds;
	store.notifications.set(n1, {
		_id: n1, calendarId: c1, receiverType: 'contact', channel: 'email', notificationType: 'booked', isActive: true, deleted: false,
		subject: 'Your appointment is booked', body: 'Hi {{contact.first_name}}, see you on {{appointment.start_time}}.',
		templateId: '', afterTime: [], beforeTime: [], additionalEmailIds: [], additionalPhoneNumbers: [], selectedUsers: [],
	});
	store.notifications.set(n2, {
		_id: n2, calendarId: c1, receiverType: 'assignedUser', channel: 'inApp', notificationType: 'reminder', isActive: true, deleted: false,
		body: 'Appointment with {{contact.name}} in one hour', templateId: '', afterTime: [], beforeTime: [{ timeOffset: 1, unit: 'hours' }],
		additionalEmailIds: [], additionalPhoneNumbers: [], selectedUsers: [],
	});

	store.resources.set(CALENDAR_DEMO.roomId, {
		id: CALENDAR_DEMO.roomId, locationId, resourceType: 'rooms', name: 'Treatment Room 1', description: 'Ground floor, chair 1',
		quantity: 1, outOfService: 0, capacity: 4, isActive: true, calendarIds: [c1, c2],
	});
	store.resources.set(CALENDAR_DEMO.equipmentId, {
		id: CALENDAR_DEMO.equipmentId, locationId, resourceType: 'equipments', name: 'Intraoral Camera', description: 'Portable camera',
		quantity: 2, outOfService: 0, capacity: 1, isActive: true, calendarIds: [c2],
	});
}

/** Until the first API write, the seed moves along with the clock (a custom `clock`, or a new day). */
export function followClock(state: State, now: number): void {
	const store = state.calendarStore;
	if (store.touched) return;
	const tz = locationTimeZone(state, DEMO.locationId);
	if (localDate(now, tz) !== localDate(store.anchor, tz)) seedCalendars(state, now);
}
