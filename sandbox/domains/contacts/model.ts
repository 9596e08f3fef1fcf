// Contact writes shared by create, update and upsert: field mapping, tags, custom fields,
// duplicate rules, and the API representation.
import type { Contact, CustomFieldValue, SandboxState } from '../../state';
import { ensureTags, newId } from '../../state';
import { HttpError, httpError, isPlainObject, normalizePhone } from '../../util';

/** Plain fields a request body may set directly. */
const SIMPLE_FIELDS = [
	'firstName', 'lastName', 'email', 'companyName', 'address1', 'city', 'state', 'country', 'postalCode',
	'website', 'timezone', 'source', 'gender', 'assignedTo',
] as const;

export function toApi(c: Contact): Record<string, unknown> {
	const out: Record<string, unknown> = { id: c.id, locationId: c.locationId };
	const fullName = [c.firstName, c.lastName].filter((v) => typeof v === 'string' && v).join(' ');
	const put = (key: string, value: unknown) => {
		if (value !== undefined && value !== null) out[key] = value;
	};
	put('firstName', c.firstName);
	put('lastName', c.lastName);
	put('firstNameLowerCase', c.firstName ? c.firstName.toLowerCase() : undefined);
	put('lastNameLowerCase', c.lastName ? c.lastName.toLowerCase() : undefined);
	put('fullNameLowerCase', fullName ? fullName.toLowerCase() : undefined);
	put('email', c.email);
	put('emailLowerCase', c.email ? c.email.toLowerCase() : undefined);
	put('phone', c.phone);
	for (const key of ['companyName', 'address1', 'city', 'state', 'country', 'postalCode', 'website', 'timezone', 'source', 'gender', 'assignedTo'] as const) {
		put(key, c[key]);
	}
	put('dateOfBirth', c.dateOfBirth);
	out.type = c.type;
	out.dnd = c.dnd;
	out.dndSettings = c.dndSettings ?? {};
	if (c.inboundDndSettings) out.inboundDndSettings = c.inboundDndSettings;
	out.tags = [...c.tags];
	// HighLevel answers numbers as strings (the spec's `value: string`); multi-option values stay arrays.
	out.customFields = c.customFields.map((f) => ({ id: f.id, value: typeof f.value === 'number' ? String(f.value) : f.value }));
	out.followers = [...c.followers];
	put('businessId', c.businessId);
	out.dateAdded = c.dateAdded;
	out.dateUpdated = c.dateUpdated;
	return out;
}

/** HighLevel keeps tags lower-case, trimmed and unique. */
export function normalizeTags(tags: unknown): string[] {
	if (!Array.isArray(tags)) return [];
	const out: string[] = [];
	for (const t of tags) {
		if (typeof t !== 'string') continue;
		const tag = t.trim().toLowerCase();
		if (tag && !out.includes(tag)) out.push(tag);
	}
	return out;
}

function phoneOrThrow(raw: unknown): string | null {
	if (raw === null || raw === undefined || raw === '') return null;
	const phone = normalizePhone(String(raw));
	if (phone.length < 8 || phone.length > 16) throw httpError(422, ['phone must be a valid phone number']);
	return phone;
}

/** Merges `[{id|key, field_value}]` into stored `[{id, value}]`; unknown fields are ignored like HighLevel does. */
export function mergeCustomFields(state: SandboxState, locationId: string, existing: CustomFieldValue[], input: unknown): CustomFieldValue[] {
	if (!Array.isArray(input)) return existing;
	const result = existing.map((f) => ({ ...f }));
	for (const item of input) {
		if (!isPlainObject(item)) continue;
		const field = findField(state, locationId, item.id, item.key);
		if (!field) continue;
		const raw = 'field_value' in item ? item.field_value : item.value;
		const at = result.findIndex((f) => f.id === field.id);
		if (raw === null || raw === undefined || raw === '') {
			if (at >= 0) result.splice(at, 1);
			continue;
		}
		const value = coerce(field.dataType, raw);
		if (at >= 0) result[at] = { id: field.id, value };
		else result.push({ id: field.id, value });
	}
	return result;
}

function findField(state: SandboxState, locationId: string, id: unknown, key: unknown) {
	if (typeof id === 'string') {
		const f = state.customFields.get(id);
		if (f && f.locationId === locationId && f.model === 'contact') return f;
	}
	if (typeof key === 'string' && key) {
		const wanted = key.startsWith('contact.') ? key : `contact.${key}`;
		for (const f of state.customFields.values()) if (f.locationId === locationId && f.model === 'contact' && f.fieldKey === wanted) return f;
	}
	return undefined;
}

function coerce(dataType: string, raw: unknown): unknown {
	if ((dataType === 'NUMERICAL' || dataType === 'MONETORY') && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
	if ((dataType === 'MULTIPLE_OPTIONS' || dataType === 'CHECKBOX') && typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter(Boolean);
	return raw;
}

export interface Duplicate {
	contact: Contact;
	matchingField: 'email' | 'phone';
}

export function findByEmail(state: SandboxState, locationId: string, email: string, exceptId?: string): Contact | undefined {
	const wanted = email.toLowerCase();
	for (const c of state.contacts.values()) {
		if (c.locationId === locationId && c.id !== exceptId && c.email && c.email.toLowerCase() === wanted) return c;
	}
	return undefined;
}

export function findByPhone(state: SandboxState, locationId: string, phone: string, exceptId?: string): Contact | undefined {
	const wanted = normalizePhone(phone);
	if (!wanted) return undefined;
	for (const c of state.contacts.values()) {
		if (c.locationId === locationId && c.id !== exceptId && c.phone && c.phone === wanted) return c;
	}
	return undefined;
}

export function findDuplicate(state: SandboxState, locationId: string, email: unknown, phone: unknown, exceptId?: string): Duplicate | undefined {
	if (typeof email === 'string' && email) {
		const c = findByEmail(state, locationId, email, exceptId);
		if (c) return { contact: c, matchingField: 'email' };
	}
	if (typeof phone === 'string' && phone) {
		const c = findByPhone(state, locationId, phone, exceptId);
		if (c) return { contact: c, matchingField: 'phone' };
	}
	return undefined;
}

export function duplicateError(dup: Duplicate): HttpError {
	const contactName = [dup.contact.firstName, dup.contact.lastName].filter(Boolean).join(' ') || dup.contact.email || dup.contact.phone || '';
	return new HttpError(400, {
		statusCode: 400,
		message: 'This location does not allow duplicated contacts.',
		meta: { contactName, contactId: dup.contact.id, matchingField: dup.matchingField },
	});
}

function allowsDuplicates(state: SandboxState, locationId: string): boolean {
	return state.locations.get(locationId)?.settings.allowDuplicateContact ?? false;
}

/** Applies a body onto a contact (new or existing): only the keys present change; null clears. */
function applyFields(state: SandboxState, contact: Contact, body: Record<string, unknown>): void {
	for (const key of SIMPLE_FIELDS) {
		if (body[key] === undefined) continue;
		const value = body[key];
		contact[key] = value === null ? null : String(value);
	}
	if (body.name !== undefined && body.name !== null && body.firstName === undefined && body.lastName === undefined) {
		const [firstName, ...rest] = String(body.name).trim().split(/\s+/);
		contact.firstName = firstName || null;
		contact.lastName = rest.length ? rest.join(' ') : null;
	}
	if (body.phone !== undefined) contact.phone = phoneOrThrow(body.phone);
	if (body.dnd !== undefined && body.dnd !== null) contact.dnd = Boolean(body.dnd);
	if (isPlainObject(body.dndSettings)) contact.dndSettings = { ...(contact.dndSettings ?? {}), ...body.dndSettings };
	if (isPlainObject(body.inboundDndSettings)) contact.inboundDndSettings = { ...(contact.inboundDndSettings ?? {}), ...body.inboundDndSettings };
	if (body.dateOfBirth !== undefined) contact.dateOfBirth = body.dateOfBirth;
	if (body.tags !== undefined) contact.tags = normalizeTags(body.tags);
	if (body.customFields !== undefined) contact.customFields = mergeCustomFields(state, contact.locationId, contact.customFields, body.customFields);
}

function store(state: SandboxState, contact: Contact): Contact {
	state.contacts.set(contact.id, contact);
	ensureTags(state, contact.locationId, contact.tags);
	return contact;
}

export function createContact(state: SandboxState, locationId: string, body: Record<string, unknown>, now: number): Contact {
	const stamp = new Date(now).toISOString();
	const contact: Contact = {
		id: newId(state), locationId, type: 'lead', dnd: false, tags: [], customFields: [], followers: [], dateAdded: stamp, dateUpdated: stamp,
	};
	applyFields(state, contact, body);
	if (!allowsDuplicates(state, locationId)) {
		const dup = findDuplicate(state, locationId, contact.email, contact.phone);
		if (dup) throw duplicateError(dup);
	}
	return store(state, contact);
}

/** Partial update; the stored object is replaced (not mutated) so readers never see half a write. */
export function updateContact(state: SandboxState, existing: Contact, body: Record<string, unknown>, now: number): Contact {
	const next: Contact = { ...existing, tags: [...existing.tags], customFields: existing.customFields.map((f) => ({ ...f })) };
	applyFields(state, next, body);
	if (!allowsDuplicates(state, next.locationId)) {
		const dup = findDuplicate(
			state,
			next.locationId,
			next.email !== existing.email ? next.email : undefined,
			next.phone !== existing.phone ? next.phone : undefined,
			existing.id,
		);
		if (dup) throw duplicateError(dup);
	}
	next.dateUpdated = new Date(Math.max(now, Date.parse(existing.dateAdded))).toISOString();
	return store(state, next);
}

/** Upsert: match by email, else phone (HighLevel's priority); update the match or create. */
export function upsertContact(state: SandboxState, locationId: string, body: Record<string, unknown>, now: number): { created: boolean; contact: Contact } {
	const fields = { ...body };
	delete fields.locationId;
	const createNew = fields.createNewIfDuplicateAllowed === true && allowsDuplicates(state, locationId);
	delete fields.createNewIfDuplicateAllowed;
	const phone = typeof fields.phone === 'string' && fields.phone ? phoneOrThrow(fields.phone) : undefined;
	const match = createNew ? undefined : findDuplicate(state, locationId, fields.email, phone ?? undefined);
	if (match) return { created: false, contact: updateContactLoose(state, match.contact, fields, now) };
	const stamp = new Date(now).toISOString();
	const contact: Contact = {
		id: newId(state), locationId, type: 'lead', dnd: false, tags: [], customFields: [], followers: [], dateAdded: stamp, dateUpdated: stamp,
	};
	applyFields(state, contact, fields);
	return { created: true, contact: store(state, contact) };
}

/** Update for upsert: the match already decided which contact this is, so no duplicate check. */
function updateContactLoose(state: SandboxState, existing: Contact, body: Record<string, unknown>, now: number): Contact {
	const next: Contact = { ...existing, tags: [...existing.tags], customFields: existing.customFields.map((f) => ({ ...f })) };
	applyFields(state, next, body);
	next.dateUpdated = new Date(Math.max(now, Date.parse(existing.dateAdded))).toISOString();
	return store(state, next);
}
