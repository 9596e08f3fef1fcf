// Contact sub-resources: tasks, notes, tags (one contact and bulk), campaign and workflow
// enrolment, followers, appointments, and the contacts of a business.
import type { Appointment, Note, Task } from './state';
import { appointmentsOfContact, notesOf, tasksOf } from './state';
import type { Contact } from '../../state';
import { contactsOf, ensureTags, newId } from '../../state';
import { httpError, notFound } from '../../util';
import { toApi as contactToApi, normalizeTags } from '../contacts/model';
import { contactFor } from '../contacts/routes';
import { queryPredicate } from '../contacts/search';
import type { RouteContext, RouteDef } from '../../route';
import { body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'tasks, notes, tags, enrolments and followers belong to stored contacts (404 for others, tags lower-cased and unique)';

const FIREBASE_ID = /^[A-Za-z0-9]{20}$/;

function nowIso(ctx: RouteContext): string {
	return new Date(ctx.now()).toISOString();
}

/** NestJS IsISO8601-style check; returns the date normalised to `...T..:..:..sssZ`. */
function isoDate(value: unknown, name: string): string {
	const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
	if (Number.isNaN(ms)) throw httpError(422, [`${name} must be a valid ISO 8601 date string`]);
	return new Date(ms).toISOString();
}

/** Stores a changed copy of a contact (readers never see half a write) with a new dateUpdated. */
function saveContact(ctx: RouteContext, contact: Contact, patch: Partial<Contact>): Contact {
	const next: Contact = { ...contact, ...patch, dateUpdated: new Date(Math.max(ctx.now(), Date.parse(contact.dateAdded))).toISOString() };
	ctx.state.contacts.set(next.id, next);
	return next;
}

// ---------------------------------------------------------------------------------------------
// Tasks

function taskToApi(t: Task): Record<string, unknown> {
	const out: Record<string, unknown> = { id: t.id, title: t.title };
	if (t.body !== null) out.body = t.body;
	if (t.assignedTo !== null) out.assignedTo = t.assignedTo;
	out.dueDate = t.dueDate;
	out.completed = t.completed;
	out.contactId = t.contactId;
	out.dateAdded = t.dateAdded;
	out.dateUpdated = t.dateUpdated;
	return out;
}

/** The task of the path, which must belong to the contact of the path. */
function taskFor(ctx: RouteContext): Task {
	const contact = contactFor(ctx);
	const task = ctx.state.tasks.get(ctx.params.taskId);
	if (!task || task.contactId !== contact.id) throw notFound('Task');
	return task;
}

const optionalText = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

const listTasks: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}/tasks', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		return { body: { tasks: tasksOf(ctx.state, contact.id).map(taskToApi) } };
	},
};

const createTask: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/tasks', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const b = body(ctx);
		const dueDate = isoDate(b.dueDate, 'dueDate');
		const stamp = nowIso(ctx);
		const task: Task = {
			id: newId(ctx.state),
			contactId: contact.id,
			title: String(b.title),
			body: optionalText(b.body),
			assignedTo: optionalText(b.assignedTo),
			dueDate,
			completed: b.completed === true,
			dateAdded: stamp,
			dateUpdated: stamp,
		};
		ctx.state.tasks.set(task.id, task);
		return { body: { task: taskToApi(task) } };
	},
};

const getTask: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}/tasks/{taskId}', why: WHY,
	handle(ctx) {
		return { body: { task: taskToApi(taskFor(ctx)) } };
	},
};

const updateTask: RouteDef = {
	method: 'PUT',
	path: '/contacts/{contactId}/tasks/{taskId}', why: WHY,
	handle(ctx) {
		const task = taskFor(ctx);
		const b = body(ctx);
		const next: Task = { ...task, dateUpdated: nowIso(ctx) };
		if (b.title !== undefined && b.title !== null) next.title = String(b.title);
		if (b.body !== undefined) next.body = optionalText(b.body);
		if (b.assignedTo !== undefined) next.assignedTo = optionalText(b.assignedTo);
		if (b.dueDate !== undefined && b.dueDate !== null) next.dueDate = isoDate(b.dueDate, 'dueDate');
		if (typeof b.completed === 'boolean') next.completed = b.completed;
		ctx.state.tasks.set(next.id, next);
		return { body: { task: taskToApi(next) } };
	},
};

const completeTask: RouteDef = {
	method: 'PUT',
	path: '/contacts/{contactId}/tasks/{taskId}/completed', why: WHY,
	handle(ctx) {
		const task = taskFor(ctx);
		const next: Task = { ...task, completed: body(ctx).completed === true, dateUpdated: nowIso(ctx) };
		ctx.state.tasks.set(next.id, next);
		return { body: { task: taskToApi(next) } };
	},
};

const deleteTask: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/tasks/{taskId}', why: WHY,
	handle(ctx) {
		ctx.state.tasks.delete(taskFor(ctx).id);
		return { body: { succeded: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Notes

function noteToApi(n: Note): Record<string, unknown> {
	const out: Record<string, unknown> = { id: n.id, body: n.body };
	if (n.userId !== null) out.userId = n.userId;
	if (n.title !== undefined) out.title = n.title;
	if (n.color !== undefined) out.color = n.color;
	if (n.pinned !== undefined) out.pinned = n.pinned;
	out.dateAdded = n.dateAdded;
	out.dateUpdated = n.dateUpdated;
	out.contactId = n.contactId;
	return out;
}

function noteFor(ctx: RouteContext): Note {
	const contact = contactFor(ctx);
	const note = ctx.state.notes.get(ctx.params.id);
	if (!note || note.contactId !== contact.id) throw notFound('Note');
	return note;
}

function applyNoteFields(note: Note, b: Record<string, unknown>): void {
	if (b.body !== undefined && b.body !== null) note.body = String(b.body);
	if (b.userId !== undefined) note.userId = optionalText(b.userId);
	if (typeof b.title === 'string') note.title = b.title;
	if (typeof b.color === 'string') note.color = b.color;
	if (typeof b.pinned === 'boolean') note.pinned = b.pinned;
}

const listNotes: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}/notes', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		return { body: { notes: notesOf(ctx.state, contact.id).map(noteToApi) } };
	},
};

const createNote: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/notes', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const stamp = nowIso(ctx);
		const note: Note = { id: newId(ctx.state), contactId: contact.id, body: '', userId: null, dateAdded: stamp, dateUpdated: stamp };
		applyNoteFields(note, body(ctx));
		ctx.state.notes.set(note.id, note);
		return { body: { note: noteToApi(note) } };
	},
};

const getNote: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}/notes/{id}', why: WHY,
	handle(ctx) {
		return { body: { note: noteToApi(noteFor(ctx)) } };
	},
};

const updateNote: RouteDef = {
	method: 'PUT',
	path: '/contacts/{contactId}/notes/{id}', why: WHY,
	handle(ctx) {
		const next: Note = { ...noteFor(ctx), dateUpdated: nowIso(ctx) };
		applyNoteFields(next, body(ctx));
		ctx.state.notes.set(next.id, next);
		return { body: { note: noteToApi(next) } };
	},
};

const deleteNote: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/notes/{id}', why: WHY,
	handle(ctx) {
		ctx.state.notes.delete(noteFor(ctx).id);
		return { body: { succeded: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Tags

const addTags: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/tags', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const added = normalizeTags(body(ctx).tags).filter((t) => !contact.tags.includes(t));
		let tags = contact.tags;
		if (added.length > 0) {
			tags = [...contact.tags, ...added];
			saveContact(ctx, contact, { tags });
			ensureTags(ctx.state, contact.locationId, added);
		}
		return { body: { tags: [...tags] } };
	},
};

const removeTags: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/tags', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const removed = new Set(normalizeTags(body(ctx).tags));
		const tags = contact.tags.filter((t) => !removed.has(t));
		if (tags.length !== contact.tags.length) saveContact(ctx, contact, { tags });
		return { body: { tags: [...tags] } };
	},
};

interface BulkTagResponse {
	contactId: string;
	message: string;
	type: 'success' | 'error';
	oldTags?: string[];
	tagsAdded?: string[];
	tagsRemoved?: string[];
}

const bulkTags: RouteDef = {
	method: 'POST',
	path: '/contacts/bulk/tags/update/{type}', why: WHY,
	handle(ctx) {
		const type = ctx.params.type;
		if (type !== 'add' && type !== 'remove') throw httpError(422, ['type must be one of the following values: add, remove']);
		const b = body(ctx);
		const locationId = String(b.locationId);
		const removeAll = b.removeAllTags === true;
		if (removeAll && type !== 'remove') throw httpError(422, ['removeAllTags can only be used with remove type']);
		const tags = normalizeTags(b.tags);
		const responses: BulkTagResponse[] = [];
		let anyAdded = false;
		for (const raw of b.contacts as unknown[]) {
			const contactId = String(raw);
			const error = (message: string) => responses.push({ contactId, message, type: 'error' });
			if (!FIREBASE_ID.test(contactId)) {
				error('contact id is not a valid firebase id');
				continue;
			}
			const contact = ctx.state.contacts.get(contactId);
			if (!contact) {
				error('contact not found');
				continue;
			}
			if (contact.locationId !== locationId) {
				error('contact does not belong to location');
				continue;
			}
			const oldTags = [...contact.tags];
			let tagsAdded: string[] = [];
			let tagsRemoved: string[] = [];
			if (type === 'add') {
				tagsAdded = tags.filter((t) => !oldTags.includes(t));
			} else {
				tagsRemoved = removeAll ? oldTags : oldTags.filter((t) => tags.includes(t));
			}
			if (tagsAdded.length > 0 || tagsRemoved.length > 0) {
				const next = type === 'add' ? [...oldTags, ...tagsAdded] : oldTags.filter((t) => !tagsRemoved.includes(t));
				saveContact(ctx, contact, { tags: next });
				anyAdded ||= tagsAdded.length > 0;
			}
			responses.push({ contactId, message: 'Tags updated', type: 'success', oldTags, tagsAdded, tagsRemoved });
		}
		if (anyAdded) ensureTags(ctx.state, locationId, tags);
		const errorCount = responses.filter((r) => r.type === 'error').length;
		// Like the spec's example: `succeded` says the request ran; per-contact failures are in errorCount/responses.
		return { body: { succeded: true, errorCount, responses } };
	},
};

// ---------------------------------------------------------------------------------------------
// Campaigns and workflows

function campaignFor(ctx: RouteContext, contact: Contact) {
	const campaign = ctx.state.campaigns.get(ctx.params.campaignId);
	if (!campaign || campaign.locationId !== contact.locationId) throw notFound('Campaign');
	return campaign;
}

const addToCampaign: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/campaigns/{campaignId}', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const campaign = campaignFor(ctx, contact);
		const set = ctx.state.campaignEnrolments.get(contact.id) ?? new Set<string>();
		set.add(campaign.id);
		ctx.state.campaignEnrolments.set(contact.id, set);
		return { body: { succeded: true } };
	},
};

const removeFromCampaign: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/campaigns/{campaignId}', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const campaign = campaignFor(ctx, contact);
		const set = ctx.state.campaignEnrolments.get(contact.id);
		if (set) {
			set.delete(campaign.id);
			if (set.size === 0) ctx.state.campaignEnrolments.delete(contact.id);
		}
		return { body: { succeded: true } };
	},
};

const removeFromAllCampaigns: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/campaigns/removeAll', why: WHY,
	handle(ctx) {
		ctx.state.campaignEnrolments.delete(contactFor(ctx).id);
		return { body: { succeded: true } };
	},
};

function workflowFor(ctx: RouteContext, contact: Contact) {
	const workflow = ctx.state.workflows.get(ctx.params.workflowId);
	if (!workflow || workflow.locationId !== contact.locationId) throw notFound('Workflow');
	return workflow;
}

const addToWorkflow: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/workflow/{workflowId}', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const workflow = workflowFor(ctx, contact);
		const raw = body(ctx).eventStartTime;
		const eventStartTime = raw === undefined || raw === null || raw === '' ? null : String(raw);
		if (eventStartTime !== null) isoDate(eventStartTime, 'eventStartTime');
		const byWorkflow = ctx.state.workflowEnrolments.get(contact.id) ?? new Map();
		byWorkflow.set(workflow.id, { contactId: contact.id, workflowId: workflow.id, eventStartTime, enrolledAt: nowIso(ctx) });
		ctx.state.workflowEnrolments.set(contact.id, byWorkflow);
		return { body: { succeded: true } };
	},
};

const removeFromWorkflow: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/workflow/{workflowId}', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const workflow = workflowFor(ctx, contact);
		const byWorkflow = ctx.state.workflowEnrolments.get(contact.id);
		if (byWorkflow) {
			byWorkflow.delete(workflow.id);
			if (byWorkflow.size === 0) ctx.state.workflowEnrolments.delete(contact.id);
		}
		return { body: { succeded: true } };
	},
};

// ---------------------------------------------------------------------------------------------
// Followers

function followerIds(value: unknown): string[] {
	const out: string[] = [];
	if (Array.isArray(value)) for (const v of value) if (typeof v === 'string' && v.trim() && !out.includes(v.trim())) out.push(v.trim());
	return out;
}

const addFollowers: RouteDef = {
	method: 'POST',
	path: '/contacts/{contactId}/followers', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const followersAdded = followerIds(body(ctx).followers).filter((id) => !contact.followers.includes(id));
		const followers = [...contact.followers, ...followersAdded];
		if (followersAdded.length > 0) saveContact(ctx, contact, { followers });
		return { body: { followers, followersAdded } };
	},
};

const removeFollowers: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}/followers', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		const wanted = followerIds(body(ctx).followers);
		const followersRemoved = contact.followers.filter((id) => wanted.includes(id));
		const followers = contact.followers.filter((id) => !wanted.includes(id));
		if (followersRemoved.length > 0) saveContact(ctx, contact, { followers });
		return { body: { followers, followersRemoved } };
	},
};

// ---------------------------------------------------------------------------------------------
// Appointments and business contacts

/** state.appointments is shared with the calendar routes, whose bookings may carry these too. */
type AppointmentLike = Appointment & { groupId?: string; users?: string[] };

/** GetEventSchema of contacts.json (times as stored: UTC ISO 8601). */
export function appointmentToApi(a: AppointmentLike): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: a.id, calendarId: a.calendarId, status: a.appointmentStatus === 'cancelled' ? 'cancelled' : 'booked', title: a.title,
	};
	if (a.assignedUserId) out.assignedUserId = a.assignedUserId;
	if (a.notes !== undefined) out.notes = a.notes;
	out.startTime = a.startTime;
	out.endTime = a.endTime;
	if (a.address !== undefined) out.address = a.address;
	out.locationId = a.locationId;
	out.contactId = a.contactId;
	if (a.groupId) out.groupId = a.groupId;
	out.appointmentStatus = a.appointmentStatus;
	out.users = a.users ? [...a.users] : a.assignedUserId ? [a.assignedUserId] : [];
	out.dateAdded = a.dateAdded;
	out.dateUpdated = a.dateUpdated;
	return out;
}

const appointments: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}/appointments', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		return { body: { events: appointmentsOfContact(ctx.state, contact.id).map(appointmentToApi) } };
	},
};

const businessContacts: RouteDef = {
	method: 'GET',
	path: '/contacts/business/{businessId}', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const business = ctx.state.businesses.get(ctx.params.businessId);
		if (!business || business.locationId !== locationId) throw notFound('Business');
		const limit = intQuery(ctx, 'limit', 25, 1, 1000);
		const skip = intQuery(ctx, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
		const matches = queryPredicate(queryValue(ctx, 'query'));
		// Newest first, id breaks ties (like GET /contacts/).
		const all = contactsOf(ctx.state, locationId)
			.filter((c) => c.businessId === business.id && matches(c))
			.sort((a, b) => (a.dateAdded === b.dateAdded ? (a.id < b.id ? -1 : 1) : a.dateAdded < b.dateAdded ? 1 : -1));
		return { body: { contacts: all.slice(skip, skip + limit).map(contactToApi), count: all.length } };
	},
};

/** Links contacts to a business, or unlinks them with `businessId: null`; unknown or foreign contacts are skipped. */
const bulkBusiness: RouteDef = {
	method: 'POST',
	path: '/contacts/bulk/business', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const locationId = String(b.locationId);
		const businessId = b.businessId === null ? null : String(b.businessId);
		if (businessId !== null) {
			const business = ctx.state.businesses.get(businessId);
			if (!business || business.locationId !== locationId) throw notFound('Business');
		}
		const ids: string[] = [];
		for (const raw of b.ids as unknown[]) {
			const contact = ctx.state.contacts.get(String(raw));
			if (!contact || contact.locationId !== locationId || ids.includes(contact.id)) continue;
			if ((contact.businessId ?? null) !== businessId) saveContact(ctx, contact, { businessId });
			ids.push(contact.id);
		}
		return { body: { success: true, ids } };
	},
};

export const contactExtraRoutes: RouteDef[] = [
	listTasks, createTask, getTask, updateTask, completeTask, deleteTask,
	listNotes, createNote, getNote, updateNote, deleteNote,
	addTags, removeTags, bulkTags,
	addToCampaign, removeFromCampaign, removeFromAllCampaigns, addToWorkflow, removeFromWorkflow,
	addFollowers, removeFollowers,
	appointments, businessContacts, bulkBusiness,
];
