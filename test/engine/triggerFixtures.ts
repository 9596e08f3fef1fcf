// A poller that keeps the workflow static data between polls, like an active n8n workflow, and the
// parameters that point each trigger event at real records of the seeded sandbox.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Contact, Sandbox } from '../../sandbox';
import { DEMO, DEMO_BUSINESSES } from '../../sandbox';
import type { HarnessCredential } from '../harness';
import { runPoll } from '../harness';
import { byId, privateToken } from './fixtures';

export interface Poller {
	poll(mode?: 'manual' | 'trigger'): Promise<INodeExecutionData[] | null>;
	cursorBytes(): number;
	staticData(): IDataObject;
	/** The node's stored cursor after the last trigger-mode poll. */
	cursor(): IDataObject | undefined;
}

export interface PollerOptions {
	/** What the poll context's `getPollBudgetMs()` answers; null = a context without it (n8n < 2.41). */
	pollBudgetMs?: number | null;
}

export function poller(
	sandbox: Sandbox,
	event: string,
	parameters: IDataObject = {},
	credential: HarnessCredential = privateToken(sandbox),
	options: PollerOptions = {},
): Poller {
	let staticData: IDataObject = {};
	let nodeData: IDataObject = {};
	return {
		async poll(mode = 'trigger') {
			const result = await runPoll({
				nodeType: 'goHighLevelTrigger',
				mode,
				staticData,
				parameters: { authentication: 'privateIntegrationToken', event, ...parameters },
				credentials: credential,
				pollBudgetMs: options.pollBudgetMs,
			});
			if (mode === 'trigger') {
				staticData = result.staticData;
				nodeData = result.nodeStaticData;
			}
			return result.result ? result.result[0] : null;
		},
		cursorBytes: () => Buffer.byteLength(JSON.stringify(nodeData)),
		staticData: () => staticData,
		cursor: () => nodeData.cursor as IDataObject | undefined,
	};
}

/** Events that need an agency (Company) token. */
export const AGENCY_EVENTS = new Set(['user:filterByEmail', 'automation:listSnapshots', 'location:getCompany']);

/** The credential an event runs with: the agency token for agency-only events, else the location token. */
export function credentialFor(sandbox: Sandbox, key: string): HarnessCredential {
	return AGENCY_EVENTS.has(key) ? privateToken(sandbox, { token: DEMO.agencyPrivateToken, locationId: '' }) : privateToken(sandbox);
}

const DAY = 86_400_000;

/** Parameters naming real records of the seeded sandbox, per event. */
export function parametersFor(sandbox: Sandbox, key: string): IDataObject {
	const s = sandbox.state;
	const contact0 = [...s.contacts.values()][0];
	const task = [...s.tasks.values()][0];
	const note = [...s.notes.values()][0];
	const calendar = [...s.calendarStore.calendars.values()][0];
	const notification = [...s.calendarStore.notifications.values()].find((n) => n.calendarId === calendar.id && !n.deleted)!;
	const room = [...s.calendarStore.resources.values()].find((r) => r.resourceType === 'rooms')!;
	const appointment = [...s.appointments.values()][0];
	const conversation = [...s.conversations.conversations.values()][0];
	const call = [...s.conversations.recordings.keys()][0];
	const email = [...s.conversations.emails.values()][0];
	const message = [...s.conversations.messages.values()][0];
	const association = [...s.associations.associations.values()][0];
	const blog = [...s.blogs.blogs.values()][0];
	const range = { startTime: new Date(Date.now() - DAY).toISOString(), endTime: new Date(Date.now() + 7 * DAY).toISOString() };
	const table: Record<string, IDataObject> = {
		'contact:get': { contactId: byId(contact0.id) },
		'contact:getManyByBusiness': { businessId: byId(DEMO_BUSINESSES[0].id) },
		'contact:getDuplicate': { email: [...s.contacts.values()].find((c) => c.email)!.email },
		'contact:getAppointments': { contactId: byId(contact0.id) },
		'contactTask:getAll': { contactId: byId(task.contactId) },
		'contactTask:get': { contactId: byId(task.contactId), taskId: byId(task.id) },
		'contactNote:getAll': { contactId: byId(note.contactId) },
		'contactNote:get': { contactId: byId(note.contactId), noteId: byId(note.id) },
		'calendar:get': { calendarId: byId(calendar.id) },
		'calendar:getFreeSlots': { calendarId: byId(calendar.id), startDate: new Date(Date.now() + DAY).toISOString(), endDate: new Date(Date.now() + 6 * DAY).toISOString() },
		'calendarEvent:getAll': { eventsOf: 'calendar', calendarId: byId(calendar.id), ...range },
		'calendarEvent:getBlockedSlots': { eventsOf: 'calendar', calendarId: byId(calendar.id), ...range },
		'appointment:get': { eventId: byId(appointment.id) },
		'appointmentNote:getAll': { appointmentId: byId(appointment.id) },
		'calendarNotification:getAll': { calendarId: byId(calendar.id) },
		'calendarNotification:get': { calendarId: byId(calendar.id), notificationId: byId(notification._id) },
		'calendarResource:getAll': { resourceType: 'rooms' },
		'calendarResource:get': { resourceType: 'rooms', resourceId: byId(room.id) },
		'opportunity:get': { opportunityId: byId([...s.opportunities.values()][0].id) },
		'user:search': { companyId: DEMO.companyId },
		'user:filterByEmail': { companyId: DEMO.companyId, emails: [...s.users.values()][1].email },
		'user:get': { userId: byId(DEMO.userIds[1]) },
		'conversation:get': { conversationId: byId(conversation.id) },
		'conversation:getMessages': { conversationId: byId(conversation.id) },
		'message:getEmail': { messageId: email.id },
		'message:get': { messageId: message.id },
		'message:getRecording': { messageId: call },
		'message:getTranscription': { messageId: call },
		'message:downloadTranscription': { messageId: call },
		'business:get': { businessId: byId(DEMO_BUSINESSES[0].id) },
		'automation:listSnapshots': { companyId: DEMO.companyId },
		'location:search': { companyId: DEMO.companyId },
		'location:getCompany': { companyId: DEMO.companyId },
		'association:get': { associationId: byId(association.id) },
		'association:getByKey': { keyName: association.key },
		'association:getByObjectKey': { objectKey: 'contact' },
		'relation:getByRecord': { recordId: contact0.id },
		'blog:checkSlug': { urlSlug: 'no-such-post' },
		'blog:getPosts': { blogId: byId(blog._id) },
	};
	return table[key] ?? {};
}

/** A contact written straight into the sandbox state (no API call), created and last updated at `time` (ISO). */
export function storedContact(sandbox: Sandbox, id: string, time: string, names: Partial<Pick<Contact, 'firstName' | 'lastName' | 'city' | 'source'>> = {}): Contact {
	const contact: Contact = {
		id,
		locationId: DEMO.locationId,
		...names,
		type: 'lead',
		dnd: false,
		tags: [],
		customFields: [],
		followers: [],
		dateAdded: time,
		dateUpdated: time,
	};
	sandbox.state.contacts.set(id, contact);
	return contact;
}
