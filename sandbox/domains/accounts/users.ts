// Users: the deprecated per-location list, search, and get by id.
import type { User } from '../../state';
import { usersOfLocation } from '../../state';
import { httpError, notFound } from '../../util';
import type { RouteDef } from '../../route';
import { assertLocationAccess, intQuery, queryValue, token } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'users are the seeded account (assignees, followers, token owners); lists filter by location and role';

function toApi(u: User): Record<string, unknown> {
	return {
		id: u.id, name: u.name, firstName: u.firstName, lastName: u.lastName, email: u.email, phone: u.phone, extension: u.extension,
		permissions: { ...u.permissions }, roles: { ...u.roles, locationIds: [...u.roles.locationIds] }, deleted: u.deleted,
		platformLanguage: u.platformLanguage,
		...(u.scopes ? { scopes: [...u.scopes] } : {}),
		...(u.scopesAssignedToOnly ? { scopesAssignedToOnly: [...u.scopesAssignedToOnly] } : {}),
		...(u.profilePhoto ? { profilePhoto: u.profilePhoto } : {}),
		...(u.lcPhone ? { lcPhone: { ...u.lcPhone } } : {}),
	};
}

/** The user representation (UserSchema), shared with userAdmin.ts. */
export const userToApi = toApi;

const byLocation: RouteDef = {
	method: 'GET',
	path: '/users/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		return { body: { users: usersOfLocation(ctx.state, locationId).map(toApi) } };
	},
};

const search: RouteDef = {
	method: 'GET',
	path: '/users/search', why: WHY,
	handle(ctx) {
		const t = token(ctx);
		const q = (name: string) => queryValue(ctx, name);
		const companyId = q('companyId');
		if (companyId !== t.companyId) throw httpError(403, 'The token does not have access to this company');
		const locationId = q('locationId') || (t.userType === 'Location' ? t.locationId : undefined);
		if (locationId) assertLocationAccess(ctx, locationId);
		const skip = intQuery(ctx, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
		const limit = intQuery(ctx, 'limit', 25, 1, 1000);
		const text = q('query')?.toLowerCase();
		const ids = q('ids')?.split(',').map((s) => s.trim()).filter(Boolean);
		const role = q('role');
		const type = q('type');
		let users = [...ctx.state.users.values()].filter((u) => !u.deleted && u.companyId === companyId);
		if (locationId) users = users.filter((u) => u.roles.locationIds.includes(locationId));
		if (text) users = users.filter((u) => u.name.toLowerCase().includes(text) || u.email.toLowerCase().includes(text));
		if (ids?.length) users = users.filter((u) => ids.includes(u.id));
		if (role) users = users.filter((u) => u.roles.role === role);
		if (type) users = users.filter((u) => u.roles.type === type);
		const dir = (q('sortDirection') ?? 'asc').toLowerCase() === 'desc' ? -1 : 1;
		users.sort((a, b) => a.name.localeCompare(b.name) * dir);
		return { body: { users: users.slice(skip, skip + limit).map(toApi), count: users.length } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/users/{userId}', why: WHY,
	handle(ctx) {
		const t = token(ctx);
		const user = ctx.state.users.get(ctx.params.userId);
		if (!user || user.deleted || user.companyId !== t.companyId) throw notFound('User');
		if (t.userType === 'Location' && !user.roles.locationIds.includes(t.locationId ?? '')) throw notFound('User');
		return { body: toApi(user) };
	},
};

export const userRoutes: RouteDef[] = [byLocation, search, get];
