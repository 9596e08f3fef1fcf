// The account data (companies, locations, users, custom fields, tags, contacts), its deterministic
// seed and the small accessors the routes use. Every other domain's data builds on CoreState.
import { DEMO, FOREIGN_COMPANY_ID } from '../../demo';
import type { Rng } from '../../util';
import { createRng, makeId, pick } from '../../util';

export interface Company {
	id: string;
	name: string;
	email: string;
	phone: string;
	website: string;
}

export interface LocationSettings {
	allowDuplicateContact: boolean;
	allowDuplicateOpportunity: boolean;
	allowFacebookNameMerge: boolean;
	disableContactTimezone: boolean;
}

export interface Location {
	id: string;
	companyId: string;
	name: string;
	domain: string;
	email: string;
	phone: string;
	firstName: string;
	lastName: string;
	address: string;
	city: string;
	state: string;
	country: string;
	postalCode: string;
	website: string;
	timezone: string;
	logoUrl: string;
	settings: LocationSettings;
	social: Record<string, string>;
	business: Record<string, string>;
}

export interface UserRoles {
	type: 'agency' | 'account';
	role: 'admin' | 'user';
	locationIds: string[];
	restrictSubAccount: boolean;
}

export interface User {
	id: string;
	companyId: string;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	extension: string;
	roles: UserRoles;
	permissions: Record<string, boolean>;
	deleted: boolean;
	platformLanguage: string;
	/** Set through POST/PUT /users (CreateUserDto). */
	scopes?: string[];
	scopesAssignedToOnly?: string[];
	profilePhoto?: string;
	lcPhone?: Record<string, string>;
}

export type CustomFieldDataType =
	| 'TEXT'
	| 'LARGE_TEXT'
	| 'NUMERICAL'
	| 'PHONE'
	| 'MONETORY'
	| 'CHECKBOX'
	| 'SINGLE_OPTIONS'
	| 'MULTIPLE_OPTIONS'
	| 'DATE'
	| 'TEXTBOX_LIST'
	| 'FILE_UPLOAD';

export interface CustomField {
	id: string;
	locationId: string;
	model: 'contact' | 'opportunity';
	name: string;
	fieldKey: string;
	dataType: CustomFieldDataType;
	placeholder: string;
	position: number;
	picklistOptions?: string[];
}

export interface Tag {
	id: string;
	locationId: string;
	name: string;
}

export interface CustomFieldValue {
	id: string;
	value: unknown;
}

export interface Contact {
	id: string;
	locationId: string;
	firstName?: string | null;
	lastName?: string | null;
	email?: string | null;
	phone?: string | null;
	companyName?: string | null;
	address1?: string | null;
	city?: string | null;
	state?: string | null;
	country?: string | null;
	postalCode?: string | null;
	website?: string | null;
	timezone?: string | null;
	source?: string | null;
	gender?: string | null;
	dateOfBirth?: unknown;
	assignedTo?: string | null;
	type: string;
	dnd: boolean;
	dndSettings?: Record<string, unknown>;
	inboundDndSettings?: Record<string, unknown>;
	tags: string[];
	customFields: CustomFieldValue[];
	followers: string[];
	businessId?: string | null;
	dateAdded: string;
	dateUpdated: string;
}

/** A Map that counts writes, so derived orderings can be cached until the data changes. */
export class VersionedMap<K, V> extends Map<K, V> {
	version = 0;
	set(key: K, value: V): this {
		this.version = (this.version ?? 0) + 1;
		return super.set(key, value);
	}
	delete(key: K): boolean {
		this.version = (this.version ?? 0) + 1;
		return super.delete(key);
	}
	clear(): void {
		this.version = (this.version ?? 0) + 1;
		super.clear();
	}
}

/** The account data every domain builds on: companies, locations, users, custom fields, tags, contacts. */
export interface CoreState {
	companies: Map<string, Company>;
	locations: Map<string, Location>;
	users: Map<string, User>;
	customFields: Map<string, CustomField>;
	tags: Map<string, Tag>;
	contacts: VersionedMap<string, Contact>;
	/** Id source for records created at run time: deterministic for the same request sequence. */
	idRng: Rng;
}

export const FOREIGN_LOCATION_ID = 'Qm7tXc2LwZ9pRk4VbN1e';

export const TIME_ZONES = [
	'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix', 'America/Denver',
	'America/Chicago', 'America/New_York', 'America/Toronto', 'America/Halifax', 'America/Mexico_City',
	'America/Bogota', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Atlantic/Azores', 'UTC',
	'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin',
	'Europe/Madrid', 'Europe/Rome', 'Europe/Athens', 'Africa/Johannesburg', 'Africa/Lagos',
	'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
];

export const SEED = 0x5eed2021;

export function newId(state: CoreState): string {
	return makeId(state.idRng);
}

// ---------------------------------------------------------------------------------------------
// Seed

const PERMISSIONS = {
	campaignsEnabled: true, contactsEnabled: true, workflowsEnabled: true, triggersEnabled: true,
	funnelsEnabled: true, opportunitiesEnabled: true, dashboardStatsEnabled: true, appointmentsEnabled: true,
	conversationsEnabled: true, assignedDataOnly: false, settingsEnabled: true, tagsEnabled: true,
};

export function seedAccounts(state: CoreState): void {
	state.companies.set(DEMO.companyId, {
		id: DEMO.companyId, name: 'Sandbox Agency', email: 'owner@sandbox-agency.example', phone: '+14155550100', website: 'https://sandbox-agency.example',
	});
	state.companies.set(FOREIGN_COMPANY_ID, {
		id: FOREIGN_COMPANY_ID, name: 'Another Agency', email: 'owner@another-agency.example', phone: '+442071838750', website: 'https://another-agency.example',
	});
	const location = (id: string, companyId: string, name: string, city: string, state_: string, country: string, timezone: string, allowDuplicateContact: boolean): Location => {
		const slug = name.toLowerCase().replace(/\s+/g, '-');
		return {
			id, companyId, name, domain: `${slug}.msgsndr.example`, email: `hello@${slug}.example`, phone: '+14155550123',
			firstName: 'Dana', lastName: 'Whitfield', address: '100 Market Street', city, state: state_, country, postalCode: '94105',
			website: `https://${slug}.example`, timezone, logoUrl: `https://${slug}.example/logo.png`,
			settings: { allowDuplicateContact, allowDuplicateOpportunity: false, allowFacebookNameMerge: false, disableContactTimezone: false },
			social: { facebookUrl: `https://www.facebook.com/${slug}`, instagram: `https://www.instagram.com/${slug}` },
			business: { name, address: '100 Market Street', city, state: state_, country, postalCode: '94105', website: `https://${slug}.example`, timezone },
		};
	};
	state.locations.set(DEMO.locationId, location(DEMO.locationId, DEMO.companyId, 'Sandbox Dental', 'San Francisco', 'CA', 'US', 'America/Los_Angeles', false));
	state.locations.set(DEMO.otherLocationId, location(DEMO.otherLocationId, DEMO.companyId, 'Sandbox Physio', 'London', 'England', 'GB', 'Europe/London', true));
	state.locations.set(FOREIGN_LOCATION_ID, location(FOREIGN_LOCATION_ID, FOREIGN_COMPANY_ID, 'Elsewhere Clinic', 'Austin', 'TX', 'US', 'America/Chicago', false));

	const [owner, u1, u2, u3] = DEMO.userIds;
	const user = (id: string, firstName: string, lastName: string, roles: UserRoles, phone: string): User => ({
		id, companyId: DEMO.companyId, name: `${firstName} ${lastName}`, firstName, lastName,
		email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@sandbox-agency.example`, phone, extension: '',
		roles, permissions: { ...PERMISSIONS }, deleted: false, platformLanguage: 'en_US',
	});
	const both = [DEMO.locationId, DEMO.otherLocationId];
	state.users.set(owner, user(owner, 'Morgan', 'Reyes', { type: 'agency', role: 'admin', locationIds: both, restrictSubAccount: false }, '+14155550101'));
	state.users.set(u1, user(u1, 'Priya', 'Natarajan', { type: 'account', role: 'admin', locationIds: [DEMO.locationId], restrictSubAccount: false }, '+14155550102'));
	state.users.set(u2, user(u2, 'Tomás', 'Alvarez', { type: 'account', role: 'user', locationIds: [DEMO.locationId], restrictSubAccount: false }, '+14155550103'));
	state.users.set(u3, user(u3, 'Hannah', 'Okafor', { type: 'account', role: 'user', locationIds: both, restrictSubAccount: false }, '+447700900104'));
}

interface FieldSeed {
	name: string;
	key: string;
	dataType: CustomFieldDataType;
	placeholder: string;
	options?: string[];
}

const CONTACT_FIELDS: FieldSeed[] = [
	{ name: 'Favourite Colour', key: 'favourite_colour', dataType: 'TEXT', placeholder: 'e.g. teal' },
	{ name: 'Lead Score', key: 'lead_score', dataType: 'NUMERICAL', placeholder: '0-100' },
	{ name: 'Preferred Channel', key: 'preferred_channel', dataType: 'SINGLE_OPTIONS', placeholder: 'Pick one', options: ['Email', 'SMS', 'Phone', 'WhatsApp'] },
	{ name: 'Interests', key: 'interests', dataType: 'MULTIPLE_OPTIONS', placeholder: 'Pick any', options: ['Whitening', 'Implants', 'Orthodontics', 'Check-ups', 'Hygiene'] },
	{ name: 'Renewal Date', key: 'renewal_date', dataType: 'DATE', placeholder: 'YYYY-MM-DD' },
	{ name: 'Notes Summary', key: 'notes_summary', dataType: 'LARGE_TEXT', placeholder: 'Short summary' },
];

const OPPORTUNITY_FIELDS: FieldSeed[] = [
	{ name: 'Deal Source', key: 'deal_source', dataType: 'SINGLE_OPTIONS', placeholder: 'Where it came from', options: ['Referral', 'Website', 'Walk-in', 'Campaign'] },
	{ name: 'Expected Close', key: 'expected_close', dataType: 'DATE', placeholder: 'YYYY-MM-DD' },
];

export const LOCATION_TAGS = ['new lead', 'vip', 'newsletter', 'follow-up', 'insurance', 'referral', 'no-show', 'recall due', 'whitening', 'cold'];

export function seedFields(state: CoreState, rng: Rng): void {
	const add = (locationId: string, model: 'contact' | 'opportunity', seeds: FieldSeed[]) =>
		seeds.forEach((s, position) => {
			const id = makeId(rng);
			state.customFields.set(id, {
				id, locationId, model, name: s.name, fieldKey: `${model}.${s.key}`, dataType: s.dataType, placeholder: s.placeholder, position,
				...(s.options ? { picklistOptions: [...s.options] } : {}),
			});
		});
	add(DEMO.locationId, 'contact', CONTACT_FIELDS);
	add(DEMO.locationId, 'opportunity', OPPORTUNITY_FIELDS);
	add(DEMO.otherLocationId, 'contact', CONTACT_FIELDS.slice(0, 2));
	for (const name of LOCATION_TAGS) {
		const id = makeId(rng);
		state.tags.set(id, { id, locationId: DEMO.locationId, name });
	}
	for (const name of ['new lead', 'physio']) {
		const id = makeId(rng);
		state.tags.set(id, { id, locationId: DEMO.otherLocationId, name });
	}
}

const FIRST = ['Ada', 'Liam', 'Olivia', 'Noah', 'Emma', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Amelia', 'Ethan', 'Aisha', 'Kenji', 'Chloé', 'Zoe', 'Omar', 'Ingrid', 'Rahul', 'Grace', 'Diego', 'Fatima', 'Hugo', 'Yuki', 'Nora', 'Leo', 'Isabel', 'Samuel', 'Eva', 'Jonas', 'Maya', 'Felix', 'Léa', 'Arjun', 'Clara', 'Tariq', 'Hana', 'Oscar', 'Ruth', 'Ivan', 'Bea'];
const LAST = ['Lovelace', 'Smith', 'García', 'Nguyen', 'Okafor', 'Kowalski', 'Müller', 'Rossi', 'Tanaka', 'Haddad', 'Johnson', 'Silva', 'Brown', 'Dubois', "O'Neill", 'Patel', 'Kim', 'Andersson', 'Cohen', 'Mbeki', 'Novak', 'Fischer', 'Moreau', 'Sato', 'Walker', 'Hughes', 'Costa', 'Lindqvist', 'Chen', 'Ivanova'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'clinic.example.org'];
const PLACES = [
	{ city: 'San Francisco', state: 'CA', country: 'US', postalCode: '94103', timezone: 'America/Los_Angeles', area: '415' },
	{ city: 'Austin', state: 'TX', country: 'US', postalCode: '73301', timezone: 'America/Chicago', area: '512' },
	{ city: 'Brooklyn', state: 'NY', country: 'US', postalCode: '11201', timezone: 'America/New_York', area: '718' },
	{ city: 'Denver', state: 'CO', country: 'US', postalCode: '80202', timezone: 'America/Denver', area: '303' },
	{ city: 'Seattle', state: 'WA', country: 'US', postalCode: '98101', timezone: 'America/Los_Angeles', area: '206' },
	{ city: 'Toronto', state: 'ON', country: 'CA', postalCode: 'M5V 2T6', timezone: 'America/Toronto', area: '416' },
	{ city: 'Chicago', state: 'IL', country: 'US', postalCode: '60601', timezone: 'America/Chicago', area: '312' },
	{ city: 'Miami', state: 'FL', country: 'US', postalCode: '33101', timezone: 'America/New_York', area: '305' },
];
const SOURCES = ['website form', 'facebook ad', 'google ads', 'referral', 'walk-in', 'public api', 'csv import'];
const COMPANIES = ['Acme Dental Supply', 'Brightsmile LLC', 'Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', null, null, null];
const COLOURS = ['teal', 'crimson', 'amber', 'navy', 'olive', 'violet'];

/** Seed data starts here; contacts spread over ~2.5 years from it. */
const EPOCH = Date.UTC(2023, 0, 1);
const SPAN_MS = 910 * 24 * 3600 * 1000;

function contactFields(state: CoreState, locationId: string): Map<string, string> {
	const byKey = new Map<string, string>();
	for (const f of state.customFields.values()) if (f.locationId === locationId && f.model === 'contact') byKey.set(f.fieldKey, f.id);
	return byKey;
}

const floor = Math.floor;
const toAscii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
const ASCII = new Map([...FIRST, ...LAST].map((n) => [n, toAscii(n)]));
const INTERESTS = ['Whitening', 'Implants', 'Orthodontics', 'Check-ups', 'Hygiene'];
const CHANNELS = ['Email', 'SMS', 'Phone', 'WhatsApp'];
const STREETS = ['Oak', 'Pine', 'Maple', 'Cedar', 'Elm'];
const STREET_TYPES = ['St', 'Ave', 'Blvd', 'Rd'];
const DAY = 24 * 3600 * 1000;

export function generateContacts(state: CoreState, locationId: string, count: number): Contact[] {
	// Own PRNG: the same N always gives the same contacts, whatever ran before.
	const rng = createRng(SEED ^ 0x0c0ffee);
	const fields = contactFields(state, locationId);
	const assignees = [...state.users.values()].filter((u) => u.roles.locationIds.includes(locationId)).map((u) => u.id);
	const out: Contact[] = new Array(count);
	for (let i = 0; i < count; i++) {
		const firstName = pick(rng, FIRST);
		const lastName = pick(rng, LAST);
		const place = pick(rng, PLACES);
		const added = EPOCH + floor(rng() * SPAN_MS);
		const updated = added + floor(rng() * 60 * DAY * (rng() < 0.4 ? 1 : 0));
		// ~2% without email and ~8% without phone, so exists/not_exists filters have something to find.
		const email = i % 50 === 7 ? null : `${ASCII.get(firstName)}.${ASCII.get(lastName)}${i}@${pick(rng, DOMAINS)}`;
		const phone = i % 12 === 5 ? null : `+1${place.area}${String(2000000 + i).padStart(7, '0')}`;
		const tags: string[] = [];
		const tagCount = floor(rng() * 3);
		for (let t = 0; t < tagCount; t++) {
			const tag = pick(rng, LOCATION_TAGS);
			if (!tags.includes(tag)) tags.push(tag);
		}
		const customFields: CustomFieldValue[] = [];
		const addValue = (key: string, value: unknown) => {
			const id = fields.get(`contact.${key}`);
			if (id) customFields.push({ id, value });
		};
		if (rng() < 0.5) addValue('favourite_colour', pick(rng, COLOURS));
		if (rng() < 0.6) addValue('lead_score', floor(rng() * 101));
		if (rng() < 0.4) addValue('preferred_channel', pick(rng, CHANNELS));
		if (rng() < 0.3) addValue('interests', INTERESTS.filter(() => rng() < 0.4));
		if (rng() < 0.2) addValue('renewal_date', new Date(added + 365 * DAY).toISOString().slice(0, 10));
		out[i] = {
			id: makeId(rng),
			locationId,
			firstName,
			lastName,
			email,
			phone,
			companyName: pick(rng, COMPANIES),
			address1: `${1 + floor(rng() * 9000)} ${pick(rng, STREETS)} ${pick(rng, STREET_TYPES)}`,
			city: place.city,
			state: place.state,
			country: place.country,
			postalCode: place.postalCode,
			timezone: place.timezone,
			source: pick(rng, SOURCES),
			assignedTo: rng() < 0.8 ? pick(rng, assignees) : null,
			type: rng() < 0.85 ? 'lead' : 'customer',
			dnd: false,
			tags,
			customFields,
			followers: [],
			dateAdded: new Date(added).toISOString(),
			dateUpdated: new Date(updated).toISOString(),
		};
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Accessors used by the route files

export function getLocation(state: CoreState, id: string): Location | undefined {
	return state.locations.get(id);
}

export function locationsOfCompany(state: CoreState, companyId: string): Location[] {
	return [...state.locations.values()].filter((l) => l.companyId === companyId);
}

export function usersOfLocation(state: CoreState, locationId: string): User[] {
	return [...state.users.values()].filter((u) => !u.deleted && u.roles.locationIds.includes(locationId));
}

export function customFieldsOf(state: CoreState, locationId: string, model?: 'contact' | 'opportunity'): CustomField[] {
	return [...state.customFields.values()]
		.filter((f) => f.locationId === locationId && (!model || f.model === model))
		.sort((a, b) => (a.model === b.model ? a.position - b.position : a.model < b.model ? -1 : 1));
}

export function tagsOf(state: CoreState, locationId: string): Tag[] {
	return [...state.tags.values()].filter((t) => t.locationId === locationId);
}

/** Adds location tags that a contact write introduced, like HighLevel does. */
export function ensureTags(state: CoreState, locationId: string, names: string[]): void {
	if (names.length === 0) return;
	const known = new Set(tagsOf(state, locationId).map((t) => t.name));
	for (const name of names) {
		if (known.has(name)) continue;
		const id = newId(state);
		state.tags.set(id, { id, locationId, name });
		known.add(name);
	}
}

export function contactsOf(state: CoreState, locationId: string): Contact[] {
	const out: Contact[] = [];
	for (const c of state.contacts.values()) if (c.locationId === locationId) out.push(c);
	return out;
}

export function putContact(state: CoreState, contact: Contact): void {
	state.contacts.set(contact.id, contact);
}

export function removeContact(state: CoreState, id: string): boolean {
	return state.contacts.delete(id);
}
