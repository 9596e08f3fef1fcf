// Contacts: CRUD, upsert, duplicate lookup, the deprecated list and the advanced search.
import { removeContactExtras } from '../contactExtras/state';
import type { Contact } from '../../state';
import { httpError, isPlainObject, notFound } from '../../util';
import { createContact, findDuplicate, toApi, updateContact, upsertContact } from './model';
import type { SortKey } from './search';
import { compareKeys, compileFilters, matchingRows, parseCursor, parseSort, queryPredicate, sortedContacts } from './search';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'contact search, sort, cursors, duplicates (by e-mail/phone per location setting) and upsert matching';

/** Page numbers only reach this far; beyond it the searchAfter cursor is required. */
const SEARCH_WINDOW = 10_000;

/** The contact of the `contactId` path parameter: 404 when unknown, 403 when the token may not see its location. */
export function contactFor(ctx: RouteContext): Contact {
	const contact = ctx.state.contacts.get(ctx.params.contactId);
	if (!contact) throw notFound('Contact');
	assertLocationAccess(ctx, contact.locationId);
	return contact;
}

const create: RouteDef = {
	method: 'POST',
	path: '/contacts/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const contact = createContact(ctx.state, String(b.locationId), b, ctx.now());
		return { body: { contact: toApi(contact) } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/contacts/{contactId}', why: WHY,
	handle(ctx) {
		return { body: { contact: toApi(contactFor(ctx)) } };
	},
};

const update: RouteDef = {
	method: 'PUT',
	path: '/contacts/{contactId}', why: WHY,
	handle(ctx) {
		const contact = updateContact(ctx.state, contactFor(ctx), body(ctx), ctx.now());
		return { body: { succeded: true, contact: toApi(contact) } };
	},
};

const remove: RouteDef = {
	method: 'DELETE',
	path: '/contacts/{contactId}', why: WHY,
	handle(ctx) {
		const contact = contactFor(ctx);
		ctx.state.contacts.delete(contact.id);
		removeContactExtras(ctx.state, [contact.id]);
		return { body: { succeded: true } };
	},
};

const upsert: RouteDef = {
	method: 'POST',
	path: '/contacts/upsert', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const { created, contact } = upsertContact(ctx.state, String(b.locationId), b, ctx.now());
		return { body: { new: created, contact: toApi(contact) } };
	},
};

const duplicate: RouteDef = {
	method: 'GET',
	path: '/contacts/search/duplicate', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const email = queryValue(ctx, 'email');
		const number = queryValue(ctx, 'number');
		if (!email && !number) throw httpError(400, 'Pass at least one of number, email query parameter');
		const dup = findDuplicate(ctx.state, locationId, email, number);
		return { body: { contact: dup ? toApi(dup.contact) : null } };
	},
};

/** Deprecated list: newest first, cursor = (startAfter = dateAdded in ms, startAfterId). */
const list: RouteDef = {
	method: 'GET',
	path: '/contacts/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const limit = intQuery(ctx, 'limit', 20, 1, 100);
		const matches = queryPredicate(queryValue(ctx, 'query'));
		const specs = parseSort([{ field: 'dateAdded', direction: 'desc' }]);
		const sorted = sortedContacts(ctx.state, locationId, specs);
		const all: Contact[] = [];
		const keys: SortKey[] = [];
		sorted.contacts.forEach((c, i) => {
			if (!matches(c)) return;
			all.push(c);
			keys.push(sorted.keys[i]);
		});

		let start = 0;
		const startAfterId = queryValue(ctx, 'startAfterId');
		const startAfterRaw = queryValue(ctx, 'startAfter');
		if (startAfterId || startAfterRaw) {
			const ref = startAfterId ? ctx.state.contacts.get(startAfterId) : undefined;
			const at = startAfterRaw ? Number(startAfterRaw) : ref ? Date.parse(ref.dateAdded) : NaN;
			if (Number.isNaN(at)) throw httpError(422, ['startAfter must be a number conforming to the specified constraints']);
			// With an id the cursor is exact; without one, everything at that millisecond counts as seen.
			const after = startAfterId ? (k: SortKey) => compareKeys(k, [at, startAfterId], specs) > 0 : (k: SortKey) => (k[0] as number) < at;
			start = keys.findIndex(after);
			if (start < 0) start = all.length;
		}
		return { body: listPage(ctx, locationId, limit, all, start) };
	},
};

function listPage(ctx: RouteContext, locationId: string, limit: number, all: Contact[], start: number) {
	const items = all.slice(start, start + limit);
	const more = start + items.length < all.length;
	const last = items[items.length - 1];
	const currentPage = Math.floor(start / limit) + 1;
	let nextPageUrl: string | null = null;
	if (more && last) {
		const q = new URLSearchParams({ locationId, limit: String(limit), startAfter: String(Date.parse(last.dateAdded)), startAfterId: last.id });
		const query = queryValue(ctx, 'query');
		if (query) q.set('query', query);
		nextPageUrl = `${ctx.baseUrl}/contacts/?${q.toString()}`;
	}
	return {
		contacts: items.map(toApi),
		count: all.length,
		meta: {
			total: all.length,
			nextPageUrl,
			startAfterId: more && last ? last.id : null,
			startAfter: more && last ? Date.parse(last.dateAdded) : null,
			currentPage,
			nextPage: more ? currentPage + 1 : null,
			prevPage: currentPage > 1 ? currentPage - 1 : null,
		},
	};
}

function positiveInt(value: unknown, name: string, fallback: number, max?: number): number {
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value)) throw httpError(422, [`${name} must be an integer number`]);
	if (value < 1) throw httpError(422, [`${name} must not be less than 1`]);
	if (max !== undefined && value > max) throw httpError(422, [`${name} must not be greater than ${max}`]);
	return value;
}

const search: RouteDef = {
	method: 'POST',
	path: '/contacts/search', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		if (!isPlainObject(ctx.body)) throw httpError(422, ['body must be an object']);
		if (typeof b.locationId !== 'string' || !b.locationId) throw httpError(422, ['locationId should not be empty', 'locationId must be a string']);
		const locationId = b.locationId;
		const pageLimit = positiveInt(b.pageLimit, 'pageLimit', 20, 500);
		const pageNo = positiveInt(b.page, 'page', 1);
		if (b.query !== undefined && b.query !== null && typeof b.query !== 'string') throw httpError(422, ['query must be a string']);
		const specs = parseSort(b.sort);
		const filter = compileFilters(b.filters);
		const matches = queryPredicate(b.query);
		const cursor = b.searchAfter !== undefined && b.searchAfter !== null ? parseCursor(b.searchAfter, specs) : undefined;
		if (!cursor && pageNo * pageLimit > SEARCH_WINDOW) throw httpError(422, ['Use searchAfter to paginate beyond 10,000 records']);

		const sorted = sortedContacts(ctx.state, locationId, specs);
		const hits = matchingRows(ctx.state, `${locationId}|${JSON.stringify(specs)}|${JSON.stringify(b.filters ?? null)}|${String(b.query ?? '')}`, () => {
			const rows: number[] = [];
			for (let i = 0; i < sorted.contacts.length; i++) {
				const c = sorted.contacts[i];
				if (matches(c) && filter(c)) rows.push(i);
			}
			return rows;
		});
		let start: number;
		if (cursor) {
			// First hit strictly after the cursor (binary search: hits are in sort order).
			let lo = 0;
			let hi = hits.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (compareKeys(sorted.keys[hits[mid]], cursor, specs) > 0) hi = mid;
				else lo = mid + 1;
			}
			start = lo;
		} else {
			start = (pageNo - 1) * pageLimit;
		}
		const contacts = hits.slice(start, start + pageLimit).map((i) => ({ ...toApi(sorted.contacts[i]), searchAfter: [...sorted.keys[i]] }));
		return { body: { contacts, total: hits.length } };
	},
};

export const contactRoutes: RouteDef[] = [create, get, update, remove, upsert, duplicate, list, search];
