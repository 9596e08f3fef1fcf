// Every trigger event sees a real change, through n8n-core's poll context against the
// sandbox: the first poll sets the cursor, an idle poll emits nothing, then a change the event is
// about (a new record in a list, an edit of a single record, what drives a computed list) must come
// out of the next poll exactly once, and the poll after it emits nothing at the idle cost. Changes go
// through the HighLevel API of the sandbox wherever it has a write for them (the GoHighLevel node
// itself sends them), else into the sandbox state where HighLevel has no write for it (inbound
// messages, call recordings and transcripts, pipelines, workflows, campaigns, snapshots, custom
// fields, the agency company, blog authors, categories and blogs). Also: deleted records under a
// record event, and the poll budget of n8n ≥ 2.41.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { TriggerEvent } from '../../nodes/GoHighLevel/trigger/events';
import { triggerEvents } from '../../nodes/GoHighLevel/trigger/events';
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { sineWav, transcriptText } from '../../sandbox/conversationData';
import { apiRequests, byId, privateToken } from './fixtures';
import { operations } from './helpers';
import { credentialFor, parametersFor, poller, storedContact } from './triggerFixtures';

let sandbox: Sandbox;
const { ok } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 40, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const state = () => sandbox.state;
const agency = () => ({ credential: privateToken(sandbox, { token: DEMO.agencyPrivateToken, locationId: '' }) });
/** The id inside a resource-locator parameter. */
const rl = (value: unknown) => String((value as { value: unknown }).value);
const idOf = (record: IDataObject) => String(record.id ?? record._id);

type Check = (items: INodeExecutionData[]) => void;

/** Exactly one item, matching `expected`. */
const one =
	(expected: IDataObject): Check =>
	(items) => {
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(expected);
	};
/** Exactly one item, the record with this id (`id` or `_id`), matching `expected`. */
const oneRecord =
	(id: string, expected: IDataObject = {}): Check =>
	(items) => {
		expect(items.map((i) => idOf(i.json))).toEqual([id]);
		expect(items[0].json).toMatchObject(expected);
	};

interface Scenario {
	/** Where the change is made: the sandbox's HighLevel API, or its state (no API write exists for it). */
	via: 'api' | 'state';
	/** Poll with the agency token instead of the event's usual credential. */
	agency?: boolean;
	/** Run before the first poll (e.g. block a slot that the change then frees). */
	prepare?: (params: IDataObject) => Promise<void>;
	/** Makes the change; returns what the next poll must emit. */
	change: (params: IDataObject) => Promise<Check>;
}

async function firstFreeSlot(calendarId: string): Promise<string> {
	const [slot] = await ok('calendar', 'getFreeSlots', { calendarId: byId(calendarId), startDate: iso(Date.now() + DAY), endDate: iso(Date.now() + 6 * DAY), limit: 1 });
	return String(slot.slot);
}

async function book(calendarId: string, contactId: string, title: string): Promise<IDataObject> {
	const [booked] = await ok('appointment', 'create', {
		calendarId: byId(calendarId),
		contactId: byId(contactId),
		startTime: await firstFreeSlot(calendarId),
		additionalFields: { title },
	});
	return booked;
}

const contactsHere = () => [...state().contacts.values()].filter((c) => c.locationId === DEMO.locationId);
const firstCalendarId = () => [...state().calendarStore.calendars.values()][0].id;

async function createUser(email: string): Promise<IDataObject> {
	const [user] = await ok('user', 'create', {
		companyId: DEMO.companyId,
		firstName: 'Tess',
		lastName: 'Trigger',
		email,
		password: 'S3cure-pass!',
		type: 'account',
		role: 'user',
		locationIds: DEMO.locationId,
	});
	return user;
}

async function createPost(urlSlug: string): Promise<IDataObject> {
	const blogs = state().blogs;
	const [post] = await ok('blog', 'createPost', {
		blogId: byId([...blogs.blogs.values()][0]._id),
		title: 'Trigger check',
		urlSlug,
		description: 'A post the trigger must see',
		rawHTML: '<p>Hello</p>',
		status: 'DRAFT',
		imageUrl: 'https://images.example/trigger.png',
		imageAltText: 'Trigger',
		categories: [[...blogs.categories.values()][0]._id],
		author: [...blogs.authors.values()][0]._id,
		publishedAt: '2030-05-01T09:00:00Z',
	});
	return post;
}

/** An inbound SMS written into a conversation, as HighLevel's providers deliver them (no API sends one in). */
function receiveMessage(conversationId: string, body: string): string {
	const data = state().conversations;
	const conversation = data.conversations.get(conversationId)!;
	const template = [...data.messages.values()].find((m) => m.conversationId === conversationId)!;
	const id = `TrigMsg${String(data.messages.size).padStart(13, '0')}`;
	const now = Date.now();
	data.messages.set(id, { ...template, id, messageType: 'TYPE_SMS', type: 2, direction: 'inbound', status: 'delivered', body, contentType: 'text/plain', attachments: [], meta: undefined, dateAdded: iso(now) });
	Object.assign(conversation, { lastMessageBody: body, lastMessageType: 'TYPE_SMS', lastMessageDirection: 'inbound', lastMessageDate: now, dateUpdated: now, unreadCount: conversation.unreadCount + 1 });
	return id;
}

/** A message status the message does not have yet. */
const otherStatus = (current: string) => ['delivered', 'read', 'pending', 'failed'].find((s) => s !== current)!;

const SCENARIOS: Record<string, Scenario> = {
	'contact:get': {
		via: 'api',
		change: async (p) => {
			await ok('contact', 'update', { contactId: p.contactId, updateFields: { city: 'Braga' } });
			return one({ id: rl(p.contactId), city: 'Braga' });
		},
	},
	'contact:search': {
		via: 'api',
		change: async () => {
			const [created] = await ok('contact', 'create', { email: 'search-trigger@example.com', additionalFields: { firstName: 'Sam' } });
			return oneRecord(String(created.id), { email: 'search-trigger@example.com' });
		},
	},
	'contact:getManyByBusiness': {
		via: 'api',
		change: async (p) => {
			const outsider = contactsHere().find((c) => c.businessId !== rl(p.businessId))!;
			await ok('business', 'bulkUpdateContacts', { action: 'add', businessId: p.businessId, ids: outsider.id });
			return oneRecord(outsider.id);
		},
	},
	'contact:getDuplicate': {
		via: 'api',
		change: async (p) => {
			const contact = [...state().contacts.values()].find((c) => c.email === p.email)!;
			await ok('contact', 'update', { contactId: byId(contact.id), updateFields: { city: 'Coimbra' } });
			return one({ id: contact.id, city: 'Coimbra' });
		},
	},
	'contact:getAppointments': {
		via: 'api',
		change: async (p) => {
			const booked = await book(firstCalendarId(), rl(p.contactId), 'Trigger check-up');
			return oneRecord(String(booked.id), { title: 'Trigger check-up' });
		},
	},
	'contactTask:getAll': {
		via: 'api',
		change: async (p) => {
			const [task] = await ok('contactTask', 'create', { contactId: p.contactId, title: 'Call back about the quote', dueDate: iso(Date.now() + DAY) });
			return oneRecord(String(task.id), { title: 'Call back about the quote' });
		},
	},
	'contactTask:get': {
		via: 'api',
		change: async (p) => {
			await ok('contactTask', 'update', { contactId: p.contactId, taskId: p.taskId, updateFields: { title: 'Renamed by the trigger test' } });
			return one({ id: rl(p.taskId), title: 'Renamed by the trigger test' });
		},
	},
	'contactNote:getAll': {
		via: 'api',
		change: async (p) => {
			const [note] = await ok('contactNote', 'create', { contactId: p.contactId, body: 'Prefers mornings' });
			return oneRecord(String(note.id), { body: 'Prefers mornings' });
		},
	},
	'contactNote:get': {
		via: 'api',
		change: async (p) => {
			await ok('contactNote', 'update', { contactId: p.contactId, noteId: p.noteId, updateFields: { body: 'Edited by the trigger test' } });
			return one({ id: rl(p.noteId), body: 'Edited by the trigger test' });
		},
	},
	'contact:list': {
		via: 'api',
		change: async () => {
			const [created] = await ok('contact', 'create', { email: 'list-trigger@example.com' });
			return oneRecord(String(created.id), { email: 'list-trigger@example.com' });
		},
	},
	'calendarGroup:getAll': {
		via: 'api',
		change: async () => {
			const [group] = await ok('calendarGroup', 'create', { name: 'Trigger team', description: 'Made by the trigger test', slug: 'trigger-team' });
			return oneRecord(String(group.id), { slug: 'trigger-team' });
		},
	},
	'calendar:getAll': {
		via: 'api',
		change: async () => {
			const [calendar] = await ok('calendar', 'create', { name: 'Trigger consultations' });
			return oneRecord(String(calendar.id), { name: 'Trigger consultations' });
		},
	},
	'calendar:get': {
		via: 'api',
		change: async (p) => {
			await ok('calendar', 'update', { calendarId: p.calendarId, updateFields: { name: 'Renamed calendar' } });
			return one({ id: rl(p.calendarId), name: 'Renamed calendar' });
		},
	},
	// Free slots are computed: the change is the blocked time that held a slot going away.
	'calendar:getFreeSlots': (() => {
		let blockId = '';
		let slot = '';
		const range = (p: IDataObject) => ({ calendarId: p.calendarId, startDate: p.startDate, endDate: p.endDate, returnAll: true });
		return {
			via: 'api',
			prepare: async (p) => {
				const [first] = await ok('calendar', 'getFreeSlots', { ...range(p), returnAll: false, limit: 1 });
				slot = String(first.slot);
				const [blocked] = await ok('calendarEvent', 'createBlockSlot', {
					calendarId: p.calendarId,
					startTime: slot,
					endTime: iso(Date.parse(slot) + 60_000),
					additionalFields: { title: 'Held for the trigger test' },
				});
				blockId = String(blocked.id);
			},
			change: async (p) => {
				const held = new Set((await ok('calendar', 'getFreeSlots', range(p))).map((s) => String(s.slot)));
				expect(held.has(slot)).toBe(false);
				await ok('calendarEvent', 'delete', { eventId: byId(blockId) });
				const opened = (await ok('calendar', 'getFreeSlots', range(p))).filter((s) => !held.has(String(s.slot)));
				expect(opened.map((s) => String(s.slot))).toContain(slot);
				return (items) => expect(items.map((i) => i.json)).toEqual(opened);
			},
		};
	})(),
	'calendarEvent:getAll': {
		via: 'api',
		change: async (p) => {
			const booked = await book(rl(p.calendarId), contactsHere()[5].id, 'Trigger event');
			return oneRecord(String(booked.id), { title: 'Trigger event' });
		},
	},
	'calendarEvent:getBlockedSlots': {
		via: 'api',
		change: async (p) => {
			const start = Date.now() + 2 * DAY;
			const [blocked] = await ok('calendarEvent', 'createBlockSlot', { calendarId: p.calendarId, startTime: iso(start), endTime: iso(start + 3_600_000), additionalFields: { title: 'Lunch' } });
			return oneRecord(String(blocked.id), { title: 'Lunch' });
		},
	},
	'appointment:get': {
		via: 'api',
		change: async (p) => {
			await ok('appointment', 'update', { eventId: p.eventId, updateFields: { title: 'Moved by the trigger test' } });
			return one({ id: rl(p.eventId), title: 'Moved by the trigger test' });
		},
	},
	'appointmentNote:getAll': {
		via: 'api',
		change: async (p) => {
			const [note] = await ok('appointmentNote', 'create', { appointmentId: p.appointmentId, body: 'Bring the X-rays' });
			return oneRecord(String(note.id), { body: 'Bring the X-rays' });
		},
	},
	'calendarNotification:getAll': {
		via: 'api',
		change: async (p) => {
			const [created] = await ok('calendarNotification', 'create', {
				calendarId: p.calendarId,
				notifications: { notification: [{ receiverType: 'contact', channel: 'email', notificationType: 'reminder', subject: 'Trigger reminder' }] },
			});
			return oneRecord(idOf(created), { subject: 'Trigger reminder' });
		},
	},
	'calendarNotification:get': {
		via: 'api',
		change: async (p) => {
			await ok('calendarNotification', 'update', { calendarId: p.calendarId, notificationId: p.notificationId, updateFields: { subject: 'Changed subject' } });
			return oneRecord(rl(p.notificationId), { subject: 'Changed subject' });
		},
	},
	'calendarResource:getAll': {
		via: 'api',
		change: async () => {
			const [room] = await ok('calendarResource', 'create', { resourceType: 'rooms', name: 'Trigger room', description: 'Ground floor', quantity: 1, capacity: 3, calendarIds: firstCalendarId() });
			return oneRecord(idOf(room), { name: 'Trigger room' });
		},
	},
	'calendarResource:get': {
		via: 'api',
		change: async (p) => {
			await ok('calendarResource', 'update', { resourceType: 'rooms', resourceId: p.resourceId, updateFields: { capacity: 9 } });
			return oneRecord(rl(p.resourceId), { capacity: 9 });
		},
	},
	'opportunity:search': {
		via: 'api',
		change: async () => {
			const [pipeline] = await ok('opportunity', 'listPipelines', { returnAll: true });
			const [created] = await ok('opportunity', 'create', { pipelineId: String(pipeline.id), name: 'Trigger deal', status: 'open', contactId: byId(contactsHere()[0].id) });
			return oneRecord(String(created.id), { name: 'Trigger deal' });
		},
	},
	'opportunity:get': {
		via: 'api',
		change: async (p) => {
			await ok('opportunity', 'update', { opportunityId: p.opportunityId, updateFields: { name: 'Renamed deal', monetaryValue: 4321 } });
			return one({ id: rl(p.opportunityId), name: 'Renamed deal', monetaryValue: 4321 });
		},
	},
	// HighLevel's API has no pipeline write: the pipeline is added in the sandbox state.
	'opportunity:listPipelines': {
		via: 'state',
		change: async () => {
			const id = 'TrigPipelineOrtho001';
			state().pipelines.set(id, {
				id,
				locationId: DEMO.locationId,
				name: 'Orthodontics',
				stages: [{ id: 'b0b3f9d2-6b7e-4c1a-9d1e-000000000001', name: 'Consultation', position: 0 }],
				showInFunnel: true,
				showInPieChart: true,
			});
			return oneRecord(id, { name: 'Orthodontics' });
		},
	},
	'user:search': {
		via: 'api',
		change: async () => {
			const user = await createUser('search-trigger@sandbox-agency.example');
			return oneRecord(String(user.id), { email: 'search-trigger@sandbox-agency.example' });
		},
	},
	'user:filterByEmail': {
		via: 'api',
		change: async (p) => {
			const user = [...state().users.values()].find((u) => u.email === p.emails)!;
			await ok('user', 'update', { userId: byId(user.id), updateFields: { lastName: 'Lark' } });
			return oneRecord(user.id, { lastName: 'Lark' });
		},
	},
	'user:get': {
		via: 'api',
		change: async (p) => {
			await ok('user', 'update', { userId: p.userId, updateFields: { lastName: 'Lark' } });
			return oneRecord(rl(p.userId), { lastName: 'Lark' });
		},
	},
	'user:listByLocation': {
		via: 'api',
		change: async () => {
			const user = await createUser('location-trigger@sandbox-agency.example');
			return oneRecord(String(user.id), { email: 'location-trigger@sandbox-agency.example' });
		},
	},
	// Inbound messages come from carriers and channels, not from an API write.
	'conversation:search': {
		via: 'state',
		change: async () => {
			const quiet = [...state().conversations.conversations.values()].filter((c) => c.locationId === DEMO.locationId && !c.deleted).sort((a, b) => a.lastMessageDate - b.lastMessageDate)[0];
			receiveMessage(quiet.id, 'Is Saturday still free?');
			return oneRecord(quiet.id, { lastMessageBody: 'Is Saturday still free?' });
		},
	},
	'conversation:get': {
		via: 'api',
		change: async (p) => {
			const id = rl(p.conversationId);
			const message = [...state().conversations.messages.values()].find((m) => m.conversationId === id)!;
			await ok('message', 'updateStatus', { messageId: message.id, status: otherStatus(message.status) });
			return one({ id, dateUpdated: state().conversations.conversations.get(id)!.dateUpdated });
		},
	},
	'message:getEmail': {
		via: 'api',
		change: async (p) => {
			const email = state().conversations.emails.get(String(p.messageId))!;
			const status = otherStatus(email.status);
			await ok('message', 'updateStatus', { messageId: email.messageId, status, additionalFields: { emailMessageId: email.id } });
			return one({ id: email.id, status });
		},
	},
	'message:get': {
		via: 'api',
		change: async (p) => {
			const message = state().conversations.messages.get(String(p.messageId))!;
			const status = otherStatus(message.status);
			await ok('message', 'updateStatus', { messageId: message.id, status });
			return one({ id: message.id, status });
		},
	},
	'conversation:getMessages': {
		via: 'state',
		change: async (p) => {
			const id = receiveMessage(rl(p.conversationId), 'Running ten minutes late');
			return oneRecord(id, { body: 'Running ten minutes late' });
		},
	},
	// Call recordings come from the phone system. A new take of the same length: the file keeps its
	// size, only its bytes change.
	'message:getRecording': {
		via: 'state',
		change: async (p) => {
			const recordings = state().conversations.recordings;
			const before = recordings.get(String(p.messageId))!;
			const after = { ...before, frequencyHz: before.frequencyHz + 110 };
			recordings.set(before.messageId, after);
			return (items) => {
				expect(items).toHaveLength(1);
				const audio = items[0].binary!.data;
				expect(Buffer.from(audio.data, 'base64').equals(sineWav(after.durationMs, after.frequencyHz))).toBe(true);
				expect(items[0].json.fileSize).toBe(audio.fileSize);
				expect(sineWav(before.durationMs, before.frequencyHz).length).toBe(sineWav(after.durationMs, after.frequencyHz).length);
			};
		},
	},
	// Transcriptions come from HighLevel's speech-to-text, not from an API write.
	'message:getTranscription': {
		via: 'state',
		change: async (p) => {
			const sentences = state().conversations.transcriptions.get(String(p.messageId))!;
			sentences[1] = { ...sentences[1], transcript: 'Corrected by a human reviewer.', confidence: 1 };
			return one({ sentenceIndex: sentences[1].sentenceIndex, transcript: 'Corrected by a human reviewer.' });
		},
	},
	'message:downloadTranscription': {
		via: 'state',
		change: async (p) => {
			const id = String(p.messageId);
			const transcriptions = state().conversations.transcriptions;
			const sentences = transcriptions.get(id)!;
			const before = transcriptText(sentences);
			// The same number of bytes: only the content tells the new file from the old one.
			const edited = sentences.map((s, i) => (i === 0 ? { ...s, transcript: 'x'.repeat(Buffer.byteLength(s.transcript)) } : s));
			transcriptions.set(id, edited);
			expect(Buffer.byteLength(transcriptText(edited))).toBe(Buffer.byteLength(before));
			return (items) => {
				expect(items).toHaveLength(1);
				expect(Buffer.from(items[0].binary!.data.data, 'base64').toString('utf8')).toBe(transcriptText(edited));
			};
		},
	},
	'business:get': {
		via: 'api',
		change: async (p) => {
			await ok('business', 'update', { businessId: p.businessId, updateFields: { name: 'Acme Supplies' } });
			return one({ id: rl(p.businessId), name: 'Acme Supplies' });
		},
	},
	'business:getAll': {
		via: 'api',
		change: async () => {
			const [business] = await ok('business', 'create', { name: 'Trigger Labs', additionalFields: { city: 'Porto' } });
			return oneRecord(String(business.id), { name: 'Trigger Labs' });
		},
	},
	// Workflows, snapshots and campaigns are built in HighLevel's editors; the API only lists them.
	'automation:listWorkflows': {
		via: 'state',
		change: async () => {
			const id = '7f1c2b3a-0000-4000-8000-trigger00001';
			state().workflows.set(id, { id, locationId: DEMO.locationId, name: 'Trigger Follow-up', status: 'draft', version: 1, createdAt: iso(Date.now()), updatedAt: iso(Date.now()) });
			return oneRecord(id, { name: 'Trigger Follow-up' });
		},
	},
	'automation:listSnapshots': {
		via: 'state',
		change: async () => {
			const id = 'SnapTriggerCheck0003';
			state().snapshots.set(id, { id, companyId: DEMO.companyId, name: 'Trigger Snapshot', type: 'own' });
			return oneRecord(id, { name: 'Trigger Snapshot' });
		},
	},
	'automation:listCampaigns': {
		via: 'state',
		change: async () => {
			const id = 'TrigCampaignCheck001';
			state().campaigns.set(id, { id, locationId: DEMO.locationId, name: 'Trigger Campaign', status: 'draft' });
			return oneRecord(id, { name: 'Trigger Campaign' });
		},
	},
	// A location token only sees its own location: the agency's trigger sees the new one.
	'location:search': {
		via: 'api',
		agency: true,
		change: async () => {
			const [location] = await ok('location', 'create', { companyId: DEMO.companyId, name: 'Sandbox Ortho', additionalFields: { city: 'Lisbon', timezone: 'Europe/Lisbon' } }, agency());
			return oneRecord(String(location.id), { name: 'Sandbox Ortho' });
		},
	},
	// The API reads custom field definitions but has no write for them in this catalog.
	'location:listCustomFields': {
		via: 'state',
		change: async () => {
			const id = 'TrigFieldAllergies01';
			state().customFields.set(id, { id, locationId: DEMO.locationId, model: 'contact', name: 'Allergies', fieldKey: 'contact.allergies', dataType: 'TEXT', placeholder: 'e.g. latex', position: 99 });
			return oneRecord(id, { name: 'Allergies' });
		},
	},
	// The agency company is edited in HighLevel's agency settings; the API only reads it.
	'location:getCompany': {
		via: 'state',
		change: async (p) => {
			const company = state().companies.get(String(p.companyId))!;
			state().companies.set(company.id, { ...company, name: 'Sandbox Agency Group' });
			return one({ name: 'Sandbox Agency Group' });
		},
	},
	'association:getAll': {
		via: 'api',
		change: async () => {
			const [created] = await ok('association', 'create', { key: 'mentor_mentee', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee' });
			return oneRecord(String(created.id), { key: 'mentor_mentee' });
		},
	},
	'association:get': {
		via: 'api',
		change: async (p) => {
			await ok('association', 'update', { associationId: p.associationId, firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' });
			return one({ id: rl(p.associationId), firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' });
		},
	},
	'association:getByKey': {
		via: 'api',
		change: async (p) => {
			const association = [...state().associations.associations.values()].find((a) => a.key === p.keyName)!;
			await ok('association', 'update', { associationId: byId(association.id), firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' });
			return one({ id: association.id, key: p.keyName, firstObjectLabel: 'Coach' });
		},
	},
	'association:getByObjectKey': {
		via: 'api',
		change: async () => {
			const [created] = await ok('association', 'create', { key: 'referrer', firstObjectKey: 'contact', firstObjectLabel: 'Referrer', secondObjectKey: 'contact', secondObjectLabel: 'Referred' });
			return oneRecord(String(created.id), { key: 'referrer' });
		},
	},
	'relation:getByRecord': {
		via: 'api',
		change: async (p) => {
			const partner = [...state().associations.associations.values()].find((a) => a.key === 'partner')!;
			const [relation] = await ok('relation', 'create', { associationId: byId(partner.id), firstRecordId: String(p.recordId), secondRecordId: contactsHere()[7].id });
			return oneRecord(String(relation.id), { secondRecordId: contactsHere()[7].id });
		},
	},
	'blog:checkSlug': {
		via: 'api',
		change: async (p) => {
			await createPost(String(p.urlSlug));
			return one({ exists: true });
		},
	},
	// Authors, categories and blogs are set up in HighLevel's blog editor; the API only lists them.
	'blog:getAuthors': {
		via: 'state',
		change: async () => {
			const _id = '6650f1c2a1b2c3d4e5f6a001';
			state().blogs.authors.set(_id, { _id, locationId: DEMO.locationId, name: 'Dr. Trigger', canonicalLink: 'https://sandbox-dental.example/authors/dr-trigger', updatedAt: iso(Date.now()) });
			return oneRecord(_id, { name: 'Dr. Trigger' });
		},
	},
	'blog:getCategories': {
		via: 'state',
		change: async () => {
			const _id = '6650f1c2a1b2c3d4e5f6a002';
			state().blogs.categories.set(_id, { _id, locationId: DEMO.locationId, label: 'Braces', urlSlug: 'braces', canonicalLink: 'https://sandbox-dental.example/category/braces', updatedAt: iso(Date.now()) });
			return oneRecord(_id, { label: 'Braces' });
		},
	},
	'blog:getPosts': {
		via: 'api',
		change: async () => {
			const post = await createPost('trigger-check');
			return oneRecord(idOf(post), { urlSlug: 'trigger-check' });
		},
	},
	'blog:getBlogs': {
		via: 'state',
		change: async () => {
			const _id = '6650f1c2a1b2c3d4e5f6a003';
			state().blogs.blogs.set(_id, { _id, locationId: DEMO.locationId, name: 'Clinic News', description: 'What is new at the clinic', urlSlug: 'clinic-news', updatedAt: iso(Date.now()) });
			return oneRecord(_id, { name: 'Clinic News' });
		},
	},
};

/** Requests the next poll sends to the API, and what it emits. */
async function measured(poll: () => Promise<INodeExecutionData[] | null>): Promise<{ items: INodeExecutionData[] | null; requests: number }> {
	const before = apiRequests(sandbox).length;
	const items = await poll();
	return { items, requests: apiRequests(sandbox).length - before };
}

describe('every trigger event emits a real change once', () => {
	it(`has a change for each of the ${triggerEvents.length} events, through the API wherever HighLevel has a write for it`, () => {
		expect(Object.keys(SCENARIOS).sort()).toEqual(triggerEvents.map((e) => e.key).sort());
		const viaState = Object.entries(SCENARIOS).filter(([, s]) => s.via === 'state').map(([key]) => key);
		expect(viaState.sort()).toEqual([
			'automation:listCampaigns', 'automation:listSnapshots', 'automation:listWorkflows', 'blog:getAuthors', 'blog:getBlogs',
			'blog:getCategories', 'conversation:getMessages', 'conversation:search', 'location:getCompany', 'location:listCustomFields',
			'message:downloadTranscription', 'message:getRecording', 'message:getTranscription', 'opportunity:listPipelines',
		]);
	});

	it.each(triggerEvents.map((e) => [e.key, e] as const))('%s: first poll, idle poll, change, emitted once, idle again', async (key: string, event: TriggerEvent) => {
		const scenario = SCENARIOS[key];
		expect(scenario).toBeDefined();
		const params = parametersFor(sandbox, key);
		const trigger = poller(sandbox, key, params, scenario.agency ? agency().credential : credentialFor(sandbox, key));
		await scenario.prepare?.(params);

		expect(await trigger.poll()).toBeNull();
		const idle = await measured(() => trigger.poll());
		expect(idle.items).toBeNull();

		const check = await scenario.change(params);
		const emitted = await measured(() => trigger.poll());
		expect(emitted.items).not.toBeNull();
		check(emitted.items!);

		const after = await measured(() => trigger.poll());
		expect(after.items).toBeNull();
		if (event.strategy.kind === 'digest') {
			// A list without time order is read whole: as many pages as when it was idle.
			expect(after.requests).toBe(idle.requests);
			expect(after.requests).toBe(emitted.requests);
		} else {
			expect(after.requests).toBe(1);
			expect(idle.requests).toBe(1);
		}
		expect(await trigger.poll()).toBeNull();
		expect(trigger.cursorBytes()).toBeLessThan(2048);
	});
});

describe('record events: a deleted record', () => {
	type Deletion = [key: string, deletion: string, deleteParams: (p: IDataObject) => IDataObject, expected: (p: IDataObject) => IDataObject];
	const DELETIONS: Deletion[] = [
		['contact:get', 'contact:delete', (p) => ({ contactId: p.contactId }), (p) => ({ contactId: rl(p.contactId) })],
		['contactTask:get', 'contactTask:delete', (p) => ({ contactId: p.contactId, taskId: p.taskId }), (p) => ({ contactId: rl(p.contactId), taskId: rl(p.taskId) })],
		['contactNote:get', 'contactNote:delete', (p) => ({ contactId: p.contactId, noteId: p.noteId }), (p) => ({ contactId: rl(p.contactId), id: rl(p.noteId) })],
		['calendar:get', 'calendar:delete', (p) => ({ calendarId: p.calendarId }), (p) => ({ calendarId: rl(p.calendarId) })],
		['appointment:get', 'calendarEvent:delete', (p) => ({ eventId: p.eventId }), (p) => ({ eventId: rl(p.eventId) })],
		['calendarResource:get', 'calendarResource:delete', (p) => ({ resourceType: 'rooms', resourceId: p.resourceId }), (p) => ({ resourceType: 'rooms', id: rl(p.resourceId) })],
		['opportunity:get', 'opportunity:delete', (p) => ({ opportunityId: p.opportunityId }), (p) => ({ id: rl(p.opportunityId) })],
		['user:get', 'user:delete', (p) => ({ userId: p.userId }), (p) => ({ userId: rl(p.userId) })],
		['business:get', 'business:delete', (p) => ({ businessId: p.businessId }), (p) => ({ businessId: rl(p.businessId) })],
		['association:get', 'association:delete', (p) => ({ associationId: p.associationId }), (p) => ({ associationId: rl(p.associationId) })],
	];

	it.each(DELETIONS)('%s: one { deleted: true } item after %s, then nothing', async (key, deletion, deleteParams, expected) => {
		const params = parametersFor(sandbox, key);
		const trigger = poller(sandbox, key, params, credentialFor(sandbox, key));
		expect(await trigger.poll()).toBeNull();
		const [resource, operation] = deletion.split(':');
		await ok(resource, operation, deleteParams(params));

		const emitted = await trigger.poll();
		// The item names the record that went by the ids of its path.
		expect(emitted?.map((i) => i.json)).toEqual([{ deleted: true, ...expected(params) }]);
		const after = await measured(() => trigger.poll());
		expect(after.items).toBeNull();
		expect(after.requests).toBe(1);
		expect(await trigger.poll()).toBeNull();
	});

	it('calendarNotification:get: HighLevel keeps a deleted notification, flagged: it is emitted once as changed', async () => {
		const params = parametersFor(sandbox, 'calendarNotification:get');
		const trigger = poller(sandbox, 'calendarNotification:get', params);
		expect(await trigger.poll()).toBeNull();
		await ok('calendarNotification', 'delete', { calendarId: params.calendarId, notificationId: params.notificationId });
		const emitted = await trigger.poll();
		expect(emitted).toHaveLength(1);
		expect(emitted![0].json).toMatchObject({ _id: rl(params.notificationId), deleted: true });
		expect(await trigger.poll()).toBeNull();
	});
});

describe('poll budget (n8n ≥ 2.41 getPollBudgetMs)', () => {
	const SEARCH = '/contacts/search';
	const PAGE = 100;

	/** A backlog of contacts written after activation: three per millisecond, and 400 in one millisecond. */
	function backlog(size: number): string[] {
		const ids: string[] = [];
		const start = Date.now() + 1000;
		for (let i = 0; i < size; i++) {
			const crowded = i >= 300 && i < 700;
			const at = crowded ? start + 100 : i < 300 ? start + Math.floor(i / 3) : start + 101 + Math.floor((i - 700) / 3);
			const id = `TrigBudget${String(i).padStart(10, '0')}`;
			storedContact(sandbox, id, iso(at), { firstName: 'Budget', lastName: String(i) });
			ids.push(id);
		}
		return ids;
	}

	async function drain(pollBudgetMs: number | null | undefined, size: number) {
		const trigger = poller(sandbox, 'contact:search', {}, privateToken(sandbox), { pollBudgetMs });
		expect(await trigger.poll()).toBeNull();
		const ids = backlog(size);
		const emitted: string[] = [];
		const polls: Array<{ items: number; searches: number }> = [];
		for (let i = 0; i < 60; i++) {
			const before = sandbox.requests.length;
			const items = await trigger.poll();
			const searches = sandbox.requests.slice(before).filter((r) => r.path === SEARCH).length;
			if (!items) {
				expect(searches).toBe(1);
				break;
			}
			polls.push({ items: items.length, searches });
			emitted.push(...items.map((item) => String(item.json.id)));
			expect(trigger.cursorBytes()).toBeLessThan(2048);
		}
		return { ids, emitted, polls };
	}

	it('with a tiny budget, drains a large backlog over many polls, a page at a time, none lost or repeated', async () => {
		const { ids, emitted, polls } = await drain(1, 1000);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted).toEqual(ids);
		expect(polls.length).toBeGreaterThanOrEqual(1000 / PAGE);
		// Out of time after its first page with something new: each poll emits at most one page.
		for (const poll of polls) {
			expect(poll.items).toBeGreaterThan(0);
			expect(poll.items).toBeLessThanOrEqual(PAGE);
		}
		// Only re-reading the crowded millisecond (up to its exact digest) costs more than a page.
		expect(Math.max(...polls.map((p) => p.searches))).toBeLessThanOrEqual(5);
	});

	it('with n8n’s default budget, or on an n8n without one, drains the same backlog in one poll', async () => {
		for (const budget of [undefined, null]) {
			sandbox.reset();
			const { ids, emitted, polls } = await drain(budget, 1000);
			expect(emitted).toEqual(ids);
			expect(polls).toHaveLength(1);
			expect(polls[0].searches).toBeGreaterThan(1000 / PAGE);
			expect(polls[0].searches).toBeLessThanOrEqual(20);
		}
	});

	it('out of time on the first poll inside a crowded millisecond, leaves the rest of it to the next polls, each once', async () => {
		const crowded: string[] = [];
		const at = iso(Date.now() - 60_000);
		for (let i = 0; i < 250; i++) {
			const id = `TrigCrowded${String(i).padStart(9, '0')}`;
			storedContact(sandbox, id, at, { firstName: 'Crowd' });
			crowded.push(id);
		}
		const roomy = poller(sandbox, 'contact:search', {}, privateToken(sandbox));
		expect(await roomy.poll()).toBeNull();
		expect(await roomy.poll()).toBeNull();

		const tiny = poller(sandbox, 'contact:search', {}, privateToken(sandbox), { pollBudgetMs: 1 });
		expect(await tiny.poll()).toBeNull();
		const emitted: string[] = [];
		for (let i = 0; i < 10; i++) {
			const items = await tiny.poll();
			if (!items) break;
			emitted.push(...items.map((item) => String(item.json.id)));
		}
		// The first poll read the first page of that millisecond (ids break ties); nothing is lost or repeated.
		expect(emitted).toEqual(crowded.slice(100));
		const [created] = await ok('contact', 'create', { email: 'after-crowd@example.com' });
		expect((await tiny.poll())?.map((i) => i.json.id)).toEqual([created.id]);
		expect((await roomy.poll())?.map((i) => i.json.id)).toEqual([created.id]);
	});

	it('still emits a single new record with a tiny budget', async () => {
		const trigger = poller(sandbox, 'contact:search', {}, privateToken(sandbox), { pollBudgetMs: 1 });
		expect(await trigger.poll()).toBeNull();
		const [created] = await ok('contact', 'create', { email: 'tiny-budget@example.com' });
		expect((await trigger.poll())?.map((i) => i.json.id)).toEqual([created.id]);
		expect(await trigger.poll()).toBeNull();
	});
});
