// Locations (sub-accounts): search, get, tags and time zones.
import type { Location } from '../../state';
import { TIME_ZONES, locationsOfCompany, tagsOf } from '../../state';
import { httpError, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { intQuery, queryValue, token } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'locations, tags and time zones are the seeded account every token and domain checks against (company scoping, tags added by contact writes)';

export function locationFor(ctx: RouteContext): Location {
	const location = ctx.state.locations.get(ctx.params.locationId);
	if (!location) throw notFound('Location');
	return location;
}

function toApi(l: Location): Record<string, unknown> {
	return {
		id: l.id, companyId: l.companyId, name: l.name, domain: l.domain, address: l.address, city: l.city, state: l.state,
		logoUrl: l.logoUrl, country: l.country, postalCode: l.postalCode, website: l.website, timezone: l.timezone,
		firstName: l.firstName, lastName: l.lastName, email: l.email, phone: l.phone,
		business: { ...l.business }, social: { ...l.social }, settings: { ...l.settings },
	};
}

const search: RouteDef = {
	method: 'GET',
	path: '/locations/search', why: WHY,
	handle(ctx) {
		const t = token(ctx);
		const q = (name: string) => queryValue(ctx, name);
		const companyId = q('companyId') || t.companyId;
		if (companyId !== t.companyId) throw httpError(403, 'The token does not have access to this company');
		const skip = intQuery(ctx, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
		const limit = intQuery(ctx, 'limit', 10, 1, 1000);
		const order = (q('order') ?? 'asc').toLowerCase();
		if (order !== 'asc' && order !== 'desc') throw httpError(422, ['order must be one of the following values: asc, desc']);
		const email = q('email')?.toLowerCase();
		let locations = locationsOfCompany(ctx.state, companyId);
		// A location token only ever sees its own location.
		if (t.userType === 'Location') locations = locations.filter((l) => l.id === t.locationId);
		if (email) locations = locations.filter((l) => l.email.toLowerCase() === email);
		locations.sort((a, b) => a.name.localeCompare(b.name) * (order === 'asc' ? 1 : -1));
		return { body: { locations: locations.slice(skip, skip + limit).map(toApi) } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/locations/{locationId}', why: WHY,
	handle(ctx) {
		return { body: { location: toApi(locationFor(ctx)) } };
	},
};

const tags: RouteDef = {
	method: 'GET',
	path: '/locations/{locationId}/tags', why: WHY,
	handle(ctx) {
		const location = locationFor(ctx);
		return { body: { tags: tagsOf(ctx.state, location.id).map((t) => ({ id: t.id, name: t.name, locationId: t.locationId })) } };
	},
};

const timezones: RouteDef = {
	method: 'GET',
	path: '/locations/{locationId}/timezones', why: WHY,
	handle(ctx) {
		locationFor(ctx);
		return { body: { timeZones: [...TIME_ZONES] } };
	},
};

export const locationRoutes: RouteDef[] = [search, get, tags, timezones];
