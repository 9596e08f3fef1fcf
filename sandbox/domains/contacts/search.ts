// POST /contacts/search semantics: filters (with AND/OR groups), free-text query, sort with an
// id tie-break, page/pageLimit and the searchAfter cursor.
import type { Contact, SandboxState } from '../../state';
import { httpError, isPlainObject } from '../../util';

type Getter = (c: Contact) => unknown;

const FILTER_FIELDS: Record<string, Getter> = {
	id: (c) => c.id,
	firstName: (c) => c.firstName,
	lastName: (c) => c.lastName,
	firstNameLowerCase: (c) => c.firstName?.toLowerCase(),
	lastNameLowerCase: (c) => c.lastName?.toLowerCase(),
	fullName: (c) => fullName(c),
	email: (c) => c.email,
	phone: (c) => c.phone,
	tags: (c) => c.tags,
	dateAdded: (c) => c.dateAdded,
	dateUpdated: (c) => c.dateUpdated,
	assignedTo: (c) => c.assignedTo,
	address1: (c) => c.address1,
	city: (c) => c.city,
	state: (c) => c.state,
	country: (c) => c.country,
	postalCode: (c) => c.postalCode,
	timezone: (c) => c.timezone,
	website: (c) => c.website,
	source: (c) => c.source,
	companyName: (c) => c.companyName,
	businessName: (c) => c.companyName,
	type: (c) => c.type,
	dnd: (c) => c.dnd,
};

const DATE_FIELDS = new Set(['dateAdded', 'dateUpdated']);
const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'] as const;
type Operator = (typeof OPERATORS)[number];

const SORT_FIELDS: Record<string, (c: Contact) => string | number | null> = {
	dateAdded: (c) => Date.parse(c.dateAdded),
	dateUpdated: (c) => Date.parse(c.dateUpdated),
	firstNameLowerCase: (c) => c.firstName?.toLowerCase() ?? null,
	lastNameLowerCase: (c) => c.lastName?.toLowerCase() ?? null,
	email: (c) => c.email?.toLowerCase() ?? null,
};
const SORT_ALIASES: Record<string, string> = { firstName: 'firstNameLowerCase', lastName: 'lastNameLowerCase' };

function fullName(c: Contact): string {
	return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

type Predicate = (c: Contact) => boolean;

function isEmpty(v: unknown): boolean {
	return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function comparable(field: string, v: unknown): number | string | undefined {
	if (v === undefined || v === null) return undefined;
	if (DATE_FIELDS.has(field)) {
		const n = typeof v === 'number' ? v : Date.parse(String(v));
		return Number.isNaN(n) ? undefined : n;
	}
	if (typeof v === 'number') return v;
	return String(v).toLowerCase();
}

function equals(field: string, actual: unknown, expected: unknown): boolean {
	if (Array.isArray(actual)) return actual.some((a) => equals(field, a, expected));
	if (Array.isArray(expected)) return expected.some((e) => equals(field, actual, e));
	if (actual === undefined || actual === null) return false;
	if (typeof actual === 'boolean') return actual === (expected === true || expected === 'true');
	if (DATE_FIELDS.has(field)) return comparable(field, actual) === comparable(field, expected);
	if (typeof actual === 'number') return actual === Number(expected);
	if (field === 'phone') return String(actual).replace(/\D/g, '') === String(expected).replace(/\D/g, '');
	return String(actual).toLowerCase() === String(expected).toLowerCase();
}

function contains(actual: unknown, expected: unknown): boolean {
	if (Array.isArray(actual)) return actual.some((a) => contains(a, expected));
	if (Array.isArray(expected)) return expected.some((e) => contains(actual, e));
	if (actual === undefined || actual === null) return false;
	return String(actual).toLowerCase().includes(String(expected).toLowerCase());
}

function inRange(field: string, actual: unknown, range: Record<string, unknown>): boolean {
	const a = comparable(field, Array.isArray(actual) ? actual[0] : actual);
	if (a === undefined) return false;
	const bound = (v: unknown) => (typeof a === 'number' ? (DATE_FIELDS.has(field) ? comparable(field, v) : Number(v)) : String(v).toLowerCase());
	if (range.gte !== undefined && !(a >= (bound(range.gte) as typeof a))) return false;
	if (range.gt !== undefined && !(a > (bound(range.gt) as typeof a))) return false;
	if (range.lte !== undefined && !(a <= (bound(range.lte) as typeof a))) return false;
	if (range.lt !== undefined && !(a < (bound(range.lt) as typeof a))) return false;
	return true;
}

function getter(field: string): Getter | undefined {
	if (FILTER_FIELDS[field]) return FILTER_FIELDS[field];
	const custom = /^customFields?\.(.+)$/.exec(field);
	if (custom) {
		const id = custom[1];
		return (c) => c.customFields.find((f) => f.id === id)?.value;
	}
	return undefined;
}

/** Compiles the filters array; throws 422 naming the offending entry. */
export function compileFilters(filters: unknown, path = 'filters'): Predicate {
	if (filters === undefined || filters === null) return () => true;
	if (!Array.isArray(filters)) throw httpError(422, [`${path} must be an array`]);
	const parts = filters.map((f, i) => compileFilter(f, `${path}.${i}`));
	return (c) => parts.every((p) => p(c));
}

function compileFilter(filter: unknown, path: string): Predicate {
	if (!isPlainObject(filter)) throw httpError(422, [`${path} must be an object`]);
	if (filter.group !== undefined || Array.isArray(filter.filters)) {
		const group = String(filter.group ?? 'AND').toUpperCase();
		if (group !== 'AND' && group !== 'OR') throw httpError(422, [`${path}.group must be one of the following values: AND, OR`]);
		if (!Array.isArray(filter.filters)) throw httpError(422, [`${path}.filters must be an array`]);
		const parts = filter.filters.map((f, i) => compileFilter(f, `${path}.filters.${i}`));
		return group === 'AND' ? (c) => parts.every((p) => p(c)) : (c) => parts.some((p) => p(c));
	}
	if (typeof filter.field !== 'string' || !filter.field) throw httpError(422, [`${path}.field should not be empty`]);
	const field = filter.field;
	const get = getter(field);
	if (!get) throw httpError(422, [`${path}.field "${field}" is not a supported filter field`]);
	const operator = filter.operator as Operator;
	if (!OPERATORS.includes(operator)) throw httpError(422, [`${path}.operator must be one of the following values: ${OPERATORS.join(', ')}`]);
	const value = filter.value;
	if (operator !== 'exists' && operator !== 'not_exists' && isEmpty(value)) throw httpError(422, [`${path}.value should not be empty`]);
	switch (operator) {
		case 'eq':
			return (c) => equals(field, get(c), value);
		case 'not_eq':
			return (c) => !equals(field, get(c), value);
		case 'contains':
			return (c) => contains(get(c), value);
		case 'not_contains':
			return (c) => !contains(get(c), value);
		case 'exists':
			return (c) => !isEmpty(get(c));
		case 'not_exists':
			return (c) => isEmpty(get(c));
		case 'range': {
			if (!isPlainObject(value) || !['gte', 'gt', 'lte', 'lt'].some((k) => value[k] !== undefined))
				throw httpError(422, [`${path}.value must be an object with gte, gt, lte or lt`]);
			return (c) => inRange(field, get(c), value);
		}
	}
}

export function queryPredicate(query: unknown): Predicate {
	if (typeof query !== 'string' || query.trim() === '') return () => true;
	const q = query.trim().toLowerCase();
	const digits = q.replace(/\D/g, '');
	const phoneLike = digits.length >= 3 && /^[\d\s()+\-.]+$/.test(q);
	return (c) =>
		fullName(c).toLowerCase().includes(q) ||
		(c.email ?? '').toLowerCase().includes(q) ||
		(c.companyName ?? '').toLowerCase().includes(q) ||
		(c.phone ?? '').includes(q) ||
		(phoneLike && (c.phone ?? '').replace(/\D/g, '').includes(digits));
}

// ---------------------------------------------------------------------------------------------
// Sorting and cursors

export interface SortSpec {
	field: string;
	dir: 1 | -1;
}

export function parseSort(sort: unknown): SortSpec[] {
	if (sort === undefined || sort === null) return [{ field: 'dateAdded', dir: -1 }];
	const list = Array.isArray(sort) ? sort : [sort];
	if (list.length === 0) return [{ field: 'dateAdded', dir: -1 }];
	return list.map((s, i) => {
		if (!isPlainObject(s)) throw httpError(422, [`sort.${i} must be an object`]);
		const field = SORT_ALIASES[String(s.field)] ?? String(s.field);
		if (!SORT_FIELDS[field]) throw httpError(422, [`sort.${i}.field must be one of the following values: ${Object.keys(SORT_FIELDS).join(', ')}`]);
		const direction = String(s.direction ?? 'desc').toLowerCase();
		if (direction !== 'asc' && direction !== 'desc') throw httpError(422, [`sort.${i}.direction must be one of the following values: asc, desc`]);
		return { field, dir: direction === 'asc' ? 1 : -1 };
	});
}

export type SortKey = Array<string | number | null>;

/** Missing values sort last in both directions; the id breaks ties (ascending). */
export function compareKeys(a: SortKey, b: SortKey, specs: SortSpec[]): number {
	for (let i = 0; i < specs.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x === y) continue;
		if (x === null) return 1;
		if (y === null) return -1;
		const d = x < y ? -1 : x > y ? 1 : 0;
		if (d !== 0) return d * specs[i].dir;
	}
	const ix = String(a[specs.length]);
	const iy = String(b[specs.length]);
	return ix < iy ? -1 : ix > iy ? 1 : 0;
}

export interface Sorted {
	contacts: Contact[];
	keys: SortKey[];
}

const cache = new WeakMap<SandboxState, Map<string, { version: number; sorted: Sorted }>>();

/** The location's contacts in sort order, cached until the contacts change. */
export function sortedContacts(state: SandboxState, locationId: string, specs: SortSpec[]): Sorted {
	const cacheKey = `${locationId}|${specs.map((s) => `${s.field}:${s.dir}`).join(',')}`;
	let perState = cache.get(state);
	if (!perState) {
		perState = new Map();
		cache.set(state, perState);
	}
	const hit = perState.get(cacheKey);
	if (hit && hit.version === state.contacts.version) return hit.sorted;
	const rows: Array<{ c: Contact; k: SortKey }> = [];
	for (const c of state.contacts.values()) {
		if (c.locationId !== locationId) continue;
		rows.push({ c, k: [...specs.map((s) => SORT_FIELDS[s.field](c)), c.id] });
	}
	rows.sort((a, b) => compareKeys(a.k, b.k, specs));
	const sorted = { contacts: rows.map((r) => r.c), keys: rows.map((r) => r.k) };
	if (perState.size > 32) perState.clear();
	perState.set(cacheKey, { version: state.contacts.version, sorted });
	return sorted;
}

const hitCache = new WeakMap<SandboxState, Map<string, { version: number; rows: number[] }>>();

/**
 * Positions (in the sorted list) of the contacts a search matches, cached per search until the
 * contacts change: paging through one search then costs a binary search per page.
 */
export function matchingRows(state: SandboxState, key: string, compute: () => number[]): number[] {
	let perState = hitCache.get(state);
	if (!perState) {
		perState = new Map();
		hitCache.set(state, perState);
	}
	const hit = perState.get(key);
	if (hit && hit.version === state.contacts.version) return hit.rows;
	const rows = compute();
	if (perState.size > 16) perState.delete(perState.keys().next().value as string);
	perState.set(key, { version: state.contacts.version, rows });
	return rows;
}

/** The client's searchAfter, coerced to the key types (dates may come back as ISO strings). */
export function parseCursor(searchAfter: unknown, specs: SortSpec[]): SortKey {
	if (!Array.isArray(searchAfter)) throw httpError(422, ['searchAfter must be an array']);
	if (searchAfter.length !== specs.length + 1)
		throw httpError(422, [`searchAfter must contain ${specs.length + 1} values (the searchAfter of the last contact of the previous page)`]);
	const key: SortKey = specs.map((s, i) => {
		const v = searchAfter[i];
		if (v === null || v === undefined) return null;
		if (s.field === 'dateAdded' || s.field === 'dateUpdated') {
			const n = typeof v === 'number' ? v : Date.parse(String(v));
			if (Number.isNaN(n)) throw httpError(422, [`searchAfter.${i} must be a date`]);
			return n;
		}
		return String(v).toLowerCase();
	});
	key.push(String(searchAfter[specs.length]));
	return key;
}
