// The sandbox's in-memory data: every domain's state composed into one object, created, reset and
// reseeded here. Domains depend on CoreState (domains/accounts/state.ts), never on this module.
import type { ContactExtrasData } from './domains/contactExtras/state';
import { CONTACT_EXTRAS_KEYS, createContactExtras, seedContactCatalog, seedContactExtras } from './domains/contactExtras/state';
import type { Snapshot } from './domains/agency/state';
import { seedSnapshots } from './domains/agency/state';
import { DEMO } from './demo';
import type { Opportunity, Pipeline } from './domains/opportunities/state';
import { seedOpportunities } from './domains/opportunities/state';
import type { AssociationData } from './domains/associations/state';
import { createAssociationData, seedAssociations } from './domains/associations/state';
import type { BlogData } from './domains/blogs/state';
import { createBlogData, seedBlogs } from './domains/blogs/state';
import type { CalendarStore } from './domains/calendars/state';
import { createCalendarStore, resetCalendarStore, seedCalendars } from './domains/calendars/state';
import type { ConversationData } from './domains/conversations/state';
import { createConversationData, seedConversations } from './domains/conversations/state';
import type { GenericCollections } from './generic/store';
import { refillStore } from './stores';
import { createRng } from './util';

import type { CoreState } from './domains/accounts/state';
import { SEED, VersionedMap, generateContacts, seedAccounts, seedFields } from './domains/accounts/state';

export * from './domains/accounts/state';

/** Tasks, notes, appointments, campaigns, workflows, businesses and enrolments: see domains/contactExtras/state.ts. */
export interface SandboxState extends CoreState, ContactExtrasData {
	/** Opportunity pipelines (with stages) and opportunities: see domains/opportunities/state.ts. */
	pipelines: Map<string, Pipeline>;
	opportunities: VersionedMap<string, Opportunity>;
	/** Agency snapshots: see domains/agency/state.ts. */
	snapshots: Map<string, Snapshot>;
	/** Conversations, messages, emails, recordings, transcriptions, typing: see domains/conversations/state.ts. */
	conversations: ConversationData;
	/** Associations and relations: see domains/associations/state.ts. */
	associations: AssociationData;
	/** Blogs, authors, categories and posts: see domains/blogs/state.ts. */
	blogs: BlogData;
	/** Calendar groups, calendars, blocked slots, appointment notes, notifications, resources: see domains/calendars/state.ts (appointments are in `appointments`). */
	calendarStore: CalendarStore;
	/** Records of the operations the generic engine serves, by resource path: see generic/store.ts. */
	generic: GenericCollections;
}

export function createState(seedContacts: number): SandboxState {
	const state: SandboxState = {
		companies: new Map(),
		locations: new Map(),
		users: new Map(),
		customFields: new Map(),
		tags: new Map(),
		contacts: new VersionedMap(),
		pipelines: new Map(),
		opportunities: new VersionedMap(),
		snapshots: new Map(),
		idRng: createRng(SEED ^ 0x1d5),
		conversations: createConversationData(),
		associations: createAssociationData(),
		blogs: createBlogData(),
		calendarStore: createCalendarStore(),
		generic: new Map(),
		...createContactExtras(),
	};
	seedAccounts(state);
	seedFields(state, createRng(SEED));
	seedContactCatalog(state);
	reseedContacts(state, seedContacts);
	seedConversations(state);
	seedAssociations(state);
	seedBlogs(state);
	seedSnapshots(state);
	seedOpportunities(state);
	seedCalendars(state, Date.now());
	return state;
}

/** Puts the live state back to its seed, keeping the same object identities for holders of `state`. */
export function resetState(state: SandboxState, seedContacts: number): void {
	const fresh = createState(seedContacts);
	for (const key of ['companies', 'locations', 'users', 'customFields', 'tags'] as const) {
		const target = state[key] as Map<string, unknown>;
		target.clear();
		for (const [k, v] of fresh[key] as Map<string, unknown>) target.set(k, v);
	}
	state.contacts.clear();
	for (const [k, v] of fresh.contacts) state.contacts.set(k, v);
	for (const key of ['pipelines', 'opportunities', 'snapshots'] as const) {
		const target = state[key] as Map<string, unknown>;
		target.clear();
		for (const [k, v] of fresh[key] as Map<string, unknown>) target.set(k, v);
	}
	for (const key of CONTACT_EXTRAS_KEYS) {
		const target = state[key] as Map<string, unknown>;
		target.clear();
		for (const [k, v] of fresh[key] as Map<string, unknown>) target.set(k, v);
	}
	refillStore(state.conversations, fresh.conversations);
	refillStore(state.associations, fresh.associations);
	refillStore(state.blogs, fresh.blogs);
	resetCalendarStore(state.calendarStore, fresh.calendarStore);
	state.generic.clear();
	state.idRng = fresh.idRng;
}

/** Replaces the contacts of DEMO.locationId with `count` generated ones (listed first). */
export function reseedContacts(state: SandboxState, count: number): void {
	const generated = generateContacts(state, DEMO.locationId, Math.max(0, Math.floor(count)));
	const others = [...state.contacts.values()].filter((c) => c.locationId !== DEMO.locationId);
	// Tasks, notes, appointments and enrolments of the replaced contacts go; the new ones get theirs.
	seedContactExtras(state, generated);
	state.contacts.clear();
	for (const c of generated) state.contacts.set(c.id, c);
	for (const c of others) state.contacts.set(c.id, c);
}
