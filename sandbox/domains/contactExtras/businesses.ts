// Businesses of a location: list, get, create, update, delete. The contacts of a business are
// listed by GET /contacts/business/{businessId} (contactExtras.ts).
import type { Business } from './state';
import type { Contact } from '../../state';
import { contactsOf, newId } from '../../state';
import { notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = "businesses are linked to contacts (unlinked on delete) and answered with HighLevel's own keys (`buiseness`)";

const FIELDS = ['name', 'phone', 'email', 'website', 'address', 'city', 'state', 'postalCode', 'country', 'description'] as const;

export function businessToApi(b: Business): Record<string, unknown> {
	const out: Record<string, unknown> = { id: b.id, name: b.name };
	for (const key of FIELDS) if (key !== 'name' && b[key] !== undefined) out[key] = b[key];
	out.locationId = b.locationId;
	out.createdAt = b.createdAt;
	out.updatedAt = b.updatedAt;
	return out;
}

function businessFor(ctx: RouteContext): Business {
	const business = ctx.state.businesses.get(ctx.params.businessId);
	if (!business) throw notFound('Business');
	assertLocationAccess(ctx, business.locationId);
	return business;
}

function applyFields(business: Business, b: Record<string, unknown>): void {
	for (const key of FIELDS) {
		const value = b[key];
		if (value === undefined) continue;
		if (key === 'name') {
			if (value !== null) business.name = String(value);
		} else if (value === null) {
			delete business[key];
		} else {
			business[key] = String(value);
		}
	}
}

const list: RouteDef = {
	method: 'GET',
	path: '/businesses/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const limit = intQuery(ctx, 'limit', 100, 1, 1000);
		const skip = intQuery(ctx, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
		const all = [...ctx.state.businesses.values()].filter((b) => b.locationId === locationId);
		return { body: { businesses: all.slice(skip, skip + limit).map(businessToApi) } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/businesses/{businessId}', why: WHY,
	handle(ctx) {
		return { body: { business: businessToApi(businessFor(ctx)) } };
	},
};

const create: RouteDef = {
	method: 'POST',
	path: '/businesses/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const stamp = new Date(ctx.now()).toISOString();
		const business: Business = { id: newId(ctx.state), locationId: String(b.locationId), name: '', createdAt: stamp, updatedAt: stamp };
		applyFields(business, b);
		ctx.state.businesses.set(business.id, business);
		// Sic: the spec's response property is spelled "buiseness".
		return { body: { success: true, buiseness: businessToApi(business) } };
	},
};

const update: RouteDef = {
	method: 'PUT',
	path: '/businesses/{businessId}', why: WHY,
	handle(ctx) {
		const next: Business = { ...businessFor(ctx), updatedAt: new Date(ctx.now()).toISOString() };
		applyFields(next, body(ctx));
		ctx.state.businesses.set(next.id, next);
		return { body: { success: true, buiseness: businessToApi(next) } };
	},
};

const remove: RouteDef = {
	method: 'DELETE',
	path: '/businesses/{businessId}', why: WHY,
	handle(ctx) {
		const business = businessFor(ctx);
		ctx.state.businesses.delete(business.id);
		// Its contacts stay, without the link.
		for (const c of contactsOf(ctx.state, business.locationId)) {
			if (c.businessId === business.id) ctx.state.contacts.set(c.id, { ...c, businessId: null } as Contact);
		}
		return { body: { success: true } };
	},
};

export const businessRoutes: RouteDef[] = [list, get, create, update, remove];
