// Data around contacts: tasks, notes, appointments, campaign and workflow enrolments, plus the
// campaigns, workflows and businesses the pickers list. state.ts holds the Maps and calls the
// seeds: the catalog (fixed ids below) before the contacts, the per-contact records after them.
import { DEMO } from '../../demo';
import type { Contact, CoreState } from '../accounts/state';
import type { Rng } from '../../util';
import { createRng, makeId, pick } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & ContactExtrasData;

export interface Task {
	id: string;
	contactId: string;
	title: string;
	body: string | null;
	/** User id; null = unassigned. */
	assignedTo: string | null;
	/** ISO 8601 (UTC). */
	dueDate: string;
	completed: boolean;
	dateAdded: string;
	dateUpdated: string;
}

export interface Note {
	id: string;
	contactId: string;
	body: string;
	/** User id; null when written by an integration without one. */
	userId: string | null;
	title?: string;
	color?: string;
	pinned?: boolean;
	dateAdded: string;
	dateUpdated: string;
}

export type AppointmentStatus = 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';

export interface Appointment {
	id: string;
	calendarId: string;
	locationId: string;
	contactId: string;
	title: string;
	appointmentStatus: AppointmentStatus;
	assignedUserId: string;
	/** ISO 8601 (UTC). */
	startTime: string;
	endTime: string;
	address: string;
	notes: string;
	dateAdded: string;
	dateUpdated: string;
}

export interface Campaign {
	id: string;
	locationId: string;
	name: string;
	/** 'published' | 'draft' (free text in the spec). */
	status: string;
}

export interface Workflow {
	id: string;
	locationId: string;
	name: string;
	/** 'published' | 'draft'. */
	status: string;
	version: number;
	createdAt: string;
	updatedAt: string;
}

export interface Business {
	id: string;
	locationId: string;
	name: string;
	phone?: string;
	email?: string;
	website?: string;
	address?: string;
	city?: string;
	state?: string;
	postalCode?: string;
	country?: string;
	description?: string;
	createdAt: string;
	updatedAt: string;
}

export interface WorkflowEnrolment {
	contactId: string;
	workflowId: string;
	/** As sent in the body (CreateWorkflowDto.eventStartTime), else null. */
	eventStartTime: string | null;
	enrolledAt: string;
}

/** The Maps sandbox/state.ts adds to SandboxState. */
export interface ContactExtrasData {
	tasks: Map<string, Task>;
	notes: Map<string, Note>;
	appointments: Map<string, Appointment>;
	campaigns: Map<string, Campaign>;
	workflows: Map<string, Workflow>;
	businesses: Map<string, Business>;
	/** contactId → ids of the campaigns the contact is in. */
	campaignEnrolments: Map<string, Set<string>>;
	/** contactId → workflowId → enrolment. */
	workflowEnrolments: Map<string, Map<string, WorkflowEnrolment>>;
}

export const CONTACT_EXTRAS_KEYS = [
	'tasks', 'notes', 'appointments', 'campaigns', 'workflows', 'businesses', 'campaignEnrolments', 'workflowEnrolments',
] as const;

export function createContactExtras(): ContactExtrasData {
	return {
		tasks: new Map(),
		notes: new Map(),
		appointments: new Map(),
		campaigns: new Map(),
		workflows: new Map(),
		businesses: new Map(),
		campaignEnrolments: new Map(),
		workflowEnrolments: new Map(),
	};
}

// ---------------------------------------------------------------------------------------------
// Catalog: fixed ids so docs and tests can name them.

const CATALOG_STAMP = '2024-03-04T09:15:00.000Z';

export const DEMO_CAMPAIGNS: readonly Campaign[] = [
	{ id: '6okZjJibYMpmmObf9kd3', locationId: DEMO.locationId, name: 'New Patient Welcome', status: 'published' },
	{ id: 'sTyV8mF6nMuIAvD33CrA', locationId: DEMO.locationId, name: 'Recall Reminders', status: 'published' },
	{ id: 'SkCynE2GMCk2RvTfmbRD', locationId: DEMO.locationId, name: 'Holiday Promo', status: 'draft' },
	{ id: '96GJmPo4dCc6tgItvwOF', locationId: DEMO.otherLocationId, name: 'Physio Intro', status: 'published' },
];

export const DEMO_WORKFLOWS: readonly Workflow[] = [
	{ id: '3032ed22-642c-4113-98c2-b9eb00c90a68', locationId: DEMO.locationId, name: 'New Lead Nurture', status: 'published', version: 3, createdAt: '2023-02-10T10:00:00.000Z', updatedAt: '2024-01-22T16:40:00.000Z' },
	{ id: '439ae338-7a0a-42e7-9c19-073679e26a0d', locationId: DEMO.locationId, name: 'Appointment Reminder', status: 'published', version: 2, createdAt: '2023-05-03T08:30:00.000Z', updatedAt: '2023-11-14T12:05:00.000Z' },
	{ id: '562f0efc-fae5-4927-863e-cba41b75ab66', locationId: DEMO.locationId, name: 'Re-engagement', status: 'draft', version: 1, createdAt: '2024-02-01T14:00:00.000Z', updatedAt: '2024-02-01T14:00:00.000Z' },
	{ id: 'ec0d8178-2711-4474-898e-f42691abc493', locationId: DEMO.otherLocationId, name: 'Physio Follow-up', status: 'published', version: 1, createdAt: '2023-06-12T09:00:00.000Z', updatedAt: '2023-06-12T09:00:00.000Z' },
];

const business = (id: string, locationId: string, name: string, city: string, extra: Partial<Business> = {}): Business => {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
	return {
		id, locationId, name, phone: '+14155550177', email: `office@${slug}.example`, website: `https://${slug}.example`,
		address: '500 Howard Street', city, state: 'CA', postalCode: '94105', country: 'US', description: `${name} (seeded)`,
		createdAt: CATALOG_STAMP, updatedAt: CATALOG_STAMP, ...extra,
	};
};

/** Three per location; seeded contacts of DEMO.locationId point at the first three. */
export const DEMO_BUSINESSES: readonly Business[] = [
	business('NAqLS9loQbNlqHXbxdDC', DEMO.locationId, 'Acme Dental Supply', 'San Francisco'),
	business('O0h0WHugYcHm0HJG8PtU', DEMO.locationId, 'Brightsmile LLC', 'Oakland'),
	business('DhI0ZwaO4x1qAEaegjbs', DEMO.locationId, 'Northwind Traders', 'San Jose'),
	business('Dp8HZuQPCZZ79fVTGZ7l', DEMO.otherLocationId, 'Physio Partners Ltd', 'London', { state: 'England', postalCode: 'EC1A 1BB', country: 'GB', phone: '+442071838751' }),
	business('bMgrFD9vR6De71KsRfzS', DEMO.otherLocationId, 'Thames Sports Club', 'London', { state: 'England', postalCode: 'SE1 7PB', country: 'GB', phone: '+442071838752' }),
	business('WwCeXFA3z9QRA5nnEIl1', DEMO.otherLocationId, 'Camden Runners', 'London', { state: 'England', postalCode: 'NW1 8AH', country: 'GB', phone: '+442071838753' }),
	business('dFqpHUFa5t0W3MgupIYh', 'Qm7tXc2LwZ9pRk4VbN1e', 'Lone Star Wellness', 'Austin', { state: 'TX', postalCode: '73301' }),
	business('VMQEgOtTps1RggTVX8fG', 'Qm7tXc2LwZ9pRk4VbN1e', 'Hill Country Labs', 'Austin', { state: 'TX', postalCode: '73301' }),
	business('dPTH31nuA4cWb91xxTjd', 'Qm7tXc2LwZ9pRk4VbN1e', 'Riverside Fitness', 'Austin', { state: 'TX', postalCode: '73301' }),
];

/** Calendars of the seeded appointments (calendarState.ts seeds calendars with these ids). */
export const APPOINTMENT_CALENDAR_IDS: readonly string[] = ['Wk75xRJyMcuLdvluyoEW', '94LziwnK1o3chEqV7ZUV'];

export function seedContactCatalog(state: State): void {
	for (const c of DEMO_CAMPAIGNS) state.campaigns.set(c.id, { ...c });
	for (const w of DEMO_WORKFLOWS) state.workflows.set(w.id, { ...w });
	for (const b of DEMO_BUSINESSES) state.businesses.set(b.id, { ...b });
}

// ---------------------------------------------------------------------------------------------
// Per-contact seed

/** Only the first contacts get tasks, notes and appointments (the same ones for any count). */
export const EXTRAS_SEEDED_CONTACTS = 20;

const SEED = 0x5eed2021 ^ 0x7a5c;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const TASK_TITLES = ['Call back', 'Send treatment plan', 'Confirm insurance', 'Book recall visit', 'Follow up on quote'];
const TASK_BODIES = ['Asked to be called after 5pm.', 'Plan and estimate by email.', 'Check the policy number with the insurer.', 'Six-month recall is due.', 'Quote sent last week, no answer yet.'];
const NOTE_BODIES = [
	'Prefers morning appointments.',
	'Mentioned sensitivity on the lower left molar.',
	'Referred by a friend; send a thank-you card.',
	'Asked about whitening prices.',
	'Insurance changed this year, new card on file.',
	'Nervous patient, allow extra time.',
];
const APPOINTMENT_TITLES = ['Check-up', 'Cleaning', 'Consultation', 'Whitening session', 'X-ray review'];
const APPOINTMENT_STATUSES: AppointmentStatus[] = ['confirmed', 'confirmed', 'new', 'showed', 'cancelled', 'noshow'];
/** Seeded appointments fall on weekdays from this Monday on. */
const APPOINTMENT_EPOCH = Date.UTC(2025, 5, 2);

const iso = (ms: number) => new Date(ms).toISOString();

/** Business of the i-th generated contact of DEMO.locationId: every odd one, round robin over the three. */
export function seededBusinessId(index: number): string | undefined {
	return index % 2 === 1 ? DEMO_BUSINESSES[(index >> 1) % 3].id : undefined;
}

/**
 * Called when the contacts of DEMO.locationId are (re)generated, before the old ones leave
 * state.contacts: drops the tasks, notes and enrolments of the replaced contacts and the
 * appointments of those that do not come back (appointments are shared with the calendar routes),
 * links the new contacts to businesses, and (re)seeds tasks, notes and appointments for the first
 * EXTRAS_SEEDED_CONTACTS of them. Its own PRNG: the same contacts give the same data and ids.
 */
export function seedContactExtras(state: State, generated: Contact[]): void {
	const replaced = (contactId: string) => state.contacts.get(contactId)?.locationId === DEMO.locationId;
	let kept: Set<string> | undefined;
	for (const [id, a] of state.appointments) {
		if (!replaced(a.contactId)) continue;
		kept ??= new Set(generated.map((c) => c.id));
		if (!kept.has(a.contactId)) state.appointments.delete(id);
	}
	dropExtrasWhere(state, replaced, false);
	for (let i = 1; i < generated.length; i += 2) generated[i].businessId = seededBusinessId(i);

	const rng = createRng(SEED);
	const users = DEMO.userIds.slice(1);
	const count = Math.min(generated.length, EXTRAS_SEEDED_CONTACTS);
	for (let i = 0; i < count; i++) {
		const c = generated[i];
		const added = Date.parse(c.dateAdded);
		if (i % 2 === 0) seedTasks(state, rng, c, added, users, i === 0 ? 2 : 1 + Math.floor(rng() * 3));
		if (i % 4 !== 3) seedNotes(state, rng, c, added, users, i === 0 ? 2 : 1 + Math.floor(rng() * 2));
		if (i % 3 === 0) seedAppointments(state, rng, c, users, i === 0 ? 2 : 1);
	}
}

function seedTasks(state: State, rng: Rng, c: Contact, added: number, users: string[], n: number): void {
	for (let k = 0; k < n; k++) {
		const id = makeId(rng);
		const created = added + (k + 1) * HOUR;
		const t = Math.floor(rng() * TASK_TITLES.length);
		state.tasks.set(id, {
			id,
			contactId: c.id,
			title: TASK_TITLES[t],
			body: TASK_BODIES[t],
			assignedTo: c.assignedTo ?? pick(rng, users),
			dueDate: iso(added + (1 + Math.floor(rng() * 30)) * DAY + 17 * HOUR - (added % DAY)),
			// The first task of a contact is open; later ones are done half of the time.
			completed: k > 0 && rng() < 0.5,
			dateAdded: iso(created),
			dateUpdated: iso(created),
		});
	}
}

function seedNotes(state: State, rng: Rng, c: Contact, added: number, users: string[], n: number): void {
	for (let k = 0; k < n; k++) {
		const id = makeId(rng);
		const created = added + (k + 1) * (2 * DAY) + Math.floor(rng() * 8 * HOUR);
		state.notes.set(id, {
			id, contactId: c.id, body: pick(rng, NOTE_BODIES), userId: pick(rng, users), dateAdded: iso(created), dateUpdated: iso(created),
		});
	}
}

function seedAppointments(state: State, rng: Rng, c: Contact, users: string[], n: number): void {
	for (let k = 0; k < n; k++) {
		const id = makeId(rng);
		// Weekdays, 09:00-16:00 UTC on the half hour, 30 or 60 minutes.
		const day = Math.floor(rng() * 12) * 7 + Math.floor(rng() * 5);
		const start = APPOINTMENT_EPOCH + day * DAY + (9 + Math.floor(rng() * 8)) * HOUR + (rng() < 0.5 ? 30 * 60 * 1000 : 0);
		const end = start + (rng() < 0.5 ? 30 : 60) * 60 * 1000;
		const booked = start - (3 + Math.floor(rng() * 20)) * DAY;
		state.appointments.set(id, {
			id,
			calendarId: pick(rng, APPOINTMENT_CALENDAR_IDS),
			locationId: c.locationId,
			contactId: c.id,
			title: `${pick(rng, APPOINTMENT_TITLES)} - ${[c.firstName, c.lastName].filter(Boolean).join(' ')}`,
			appointmentStatus: pick(rng, APPOINTMENT_STATUSES),
			assignedUserId: c.assignedTo ?? pick(rng, users),
			startTime: iso(start),
			endTime: iso(end),
			address: '100 Market Street, San Francisco',
			notes: '',
			dateAdded: iso(booked),
			dateUpdated: iso(booked),
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Accessors

/** Removes the tasks, notes, appointments and enrolments of contacts that were deleted or replaced. */
export function removeContactExtras(state: State, contactIds: Iterable<string>): void {
	const gone = new Set(contactIds);
	if (gone.size > 0) dropExtrasWhere(state, (contactId) => gone.has(contactId), true);
}

function dropExtrasWhere(state: State, gone: (contactId: string) => boolean, appointments: boolean): void {
	for (const [id, t] of state.tasks) if (gone(t.contactId)) state.tasks.delete(id);
	for (const [id, n] of state.notes) if (gone(n.contactId)) state.notes.delete(id);
	if (appointments) for (const [id, a] of state.appointments) if (gone(a.contactId)) state.appointments.delete(id);
	for (const id of state.campaignEnrolments.keys()) if (gone(id)) state.campaignEnrolments.delete(id);
	for (const id of state.workflowEnrolments.keys()) if (gone(id)) state.workflowEnrolments.delete(id);
}

/** Tasks of a contact, earliest due first (id breaks ties). */
export function tasksOf(state: State, contactId: string): Task[] {
	return [...state.tasks.values()]
		.filter((t) => t.contactId === contactId)
		.sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
}

/** Notes of a contact, newest first (id breaks ties). */
export function notesOf(state: State, contactId: string): Note[] {
	return [...state.notes.values()]
		.filter((n) => n.contactId === contactId)
		.sort((a, b) => (a.dateAdded === b.dateAdded ? (a.id < b.id ? -1 : 1) : a.dateAdded < b.dateAdded ? 1 : -1));
}

/** Appointments of a contact, earliest first (id breaks ties). */
export function appointmentsOfContact(state: State, contactId: string): Appointment[] {
	return [...state.appointments.values()]
		.filter((a) => a.contactId === contactId)
		.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || (a.id < b.id ? -1 : 1));
}

/** Collections `GET /__sandbox/state/<name>` answers (plain arrays; enrolments flattened). */
export const EXTRAS_COLLECTIONS = ['tasks', 'notes', 'appointments', 'campaigns', 'workflows', 'businesses', 'campaignEnrolments', 'workflowEnrolments'] as const;

/** Rows of a collection, optionally only those of one contactId / locationId; undefined for an unknown name. */
export function extrasCollection(state: State, name: string, filter: { contactId?: string; locationId?: string } = {}): unknown[] | undefined {
	let rows: Array<Record<string, unknown>>;
	switch (name) {
		case 'campaignEnrolments':
			rows = [...state.campaignEnrolments].flatMap(([contactId, ids]) => [...ids].map((campaignId) => ({ contactId, campaignId })));
			break;
		case 'workflowEnrolments':
			rows = [...state.workflowEnrolments.values()].flatMap((m) => [...m.values()].map((e) => ({ ...e })));
			break;
		default:
			if (!(EXTRAS_COLLECTIONS as readonly string[]).includes(name)) return undefined;
			rows = [...(state[name as (typeof EXTRAS_COLLECTIONS)[number]] as Map<string, object>).values()].map((r) => ({ ...r }) as Record<string, unknown>);
	}
	const locationOf = (r: Record<string, unknown>) =>
		typeof r.locationId === 'string' ? r.locationId : state.contacts.get(String(r.contactId))?.locationId;
	return rows.filter((r) => (!filter.contactId || r.contactId === filter.contactId) && (!filter.locationId || locationOf(r) === filter.locationId));
}
