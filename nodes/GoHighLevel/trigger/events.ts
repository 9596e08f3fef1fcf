import { findOperation } from '../actions';
import type { OperationDeclaration } from '../engine/declarations';

/**
 * How an event finds what changed since the last poll:
 * - `ascending`: the endpoint filters and sorts by a time field; each poll asks only for records at
 *   or after the high-water mark (idle poll: one request).
 * - `newestFirst`: the endpoint lists newest first; paging stops at the first record older than the
 *   high-water mark (idle poll: one request).
 * - `digest`: no time order; the whole (small) list is compared with a bounded digest of the last one.
 * - `record`: one record; it is emitted when its content changes (or once when it disappears).
 */
export type TriggerStrategy =
	| { kind: 'ascending'; created: string; updated?: string }
	| { kind: 'newestFirst'; time: string; meaning: 'new' | 'newOrUpdated' }
	| { kind: 'digest' }
	| { kind: 'record' };

export interface TriggerEvent {
	/** `resource:operation` of the read it polls (the one it had when the event was added). */
	key: string;
	name: string;
	description: string;
	decl: OperationDeclaration;
	strategy: TriggerStrategy;
}

/** The 55 catalog reads, each polled through its action's declaration. */
const EVENTS: Array<[string, string, TriggerStrategy?]> = [
	['contact:get', 'Contact Changed'],
	['contact:search', 'Contact Created or Updated (Search)', { kind: 'ascending', created: 'dateAdded', updated: 'dateUpdated' }],
	['contact:getManyByBusiness', 'Contact of Business Added or Changed'],
	['contact:getDuplicate', 'Duplicate Contact Changed'],
	['contact:getAppointments', 'Contact Appointment Added or Changed'],
	['contactTask:getAll', 'Contact Task Added or Changed'],
	['contactTask:get', 'Contact Task Changed'],
	['contactNote:getAll', 'Contact Note Added or Changed'],
	['contactNote:get', 'Contact Note Changed'],
	['contact:list', 'Contact Created (Deprecated List)', { kind: 'newestFirst', time: 'dateAdded', meaning: 'new' }],
	['calendarGroup:getAll', 'Calendar Group Added or Changed'],
	['calendar:getAll', 'Calendar Added or Changed'],
	['calendar:get', 'Calendar Changed'],
	['calendar:getFreeSlots', 'Free Slot Opened'],
	['calendarEvent:getAll', 'Calendar Event Added or Changed'],
	['calendarEvent:getBlockedSlots', 'Blocked Slot Added or Changed'],
	['appointment:get', 'Appointment Changed'],
	['appointmentNote:getAll', 'Appointment Note Added or Changed'],
	['calendarNotification:getAll', 'Calendar Notification Added or Changed'],
	['calendarNotification:get', 'Calendar Notification Changed'],
	['calendarResource:getAll', 'Room or Equipment Added or Changed'],
	['calendarResource:get', 'Room or Equipment Changed'],
	['opportunity:search', 'Opportunity Created', { kind: 'newestFirst', time: 'createdAt', meaning: 'new' }],
	['opportunity:get', 'Opportunity Changed'],
	['opportunity:listPipelines', 'Pipeline Added or Changed'],
	['user:search', 'User Added or Changed'],
	['user:filterByEmail', 'User by Email Added or Changed'],
	['user:get', 'User Changed'],
	['user:listByLocation', 'Location User Added or Changed (Deprecated List)'],
	['conversation:search', 'Conversation Started or New Message', { kind: 'newestFirst', time: 'lastMessageDate', meaning: 'newOrUpdated' }],
	['conversation:get', 'Conversation Changed'],
	['message:getEmail', 'Email Changed'],
	['message:get', 'Message Changed'],
	['conversation:getMessages', 'New Message in Conversation', { kind: 'newestFirst', time: 'dateAdded', meaning: 'new' }],
	['message:getRecording', 'Call Recording Available'],
	['message:getTranscription', 'Call Transcription Changed'],
	['message:downloadTranscription', 'Call Transcription File Available'],
	['business:get', 'Business Changed'],
	['business:getAll', 'Business Added or Changed'],
	['automation:listWorkflows', 'Workflow Added or Changed'],
	['snapshot:listSnapshots', 'Snapshot Added or Changed'],
	['automation:listCampaigns', 'Campaign Added or Changed'],
	['location:search', 'Location Added or Changed'],
	['location:listCustomFields', 'Custom Field Added or Changed'],
	['location:getCompany', 'Company Changed'],
	['association:getAll', 'Association Added or Changed'],
	['association:get', 'Association Changed'],
	['association:getByKey', 'Association by Key Changed'],
	['association:getByObjectKey', 'Association of Object Added or Changed'],
	['relation:getByRecord', 'Relation of Record Added or Changed'],
	['blog:checkSlug', 'Blog URL Slug Availability Changed'],
	['blog:getAuthors', 'Blog Author Added or Changed'],
	['blog:getCategories', 'Blog Category Added or Changed'],
	['blog:getPosts', 'Blog Post Added or Changed'],
	['blog:getBlogs', 'Blog Added or Changed'],
];

export const triggerEvents: TriggerEvent[] = EVENTS.map(([declared, name, strategy]) => {
	const [resource, operation] = declared.split(':');
	const decl = findOperation(resource, operation);
	if (!decl) throw new Error(`Trigger event ${declared} has no declared operation`);
	return {
		// Saved workflows store the key: a read that moved to another node keeps its event key.
		key: decl.formerly ?? declared,
		name,
		description: decl.description,
		decl,
		strategy: strategy ?? (decl.output.list ? { kind: 'digest' } : { kind: 'record' }),
	};
});

export function findEvent(key: string): TriggerEvent | undefined {
	return triggerEvents.find((e) => e.key === key);
}
