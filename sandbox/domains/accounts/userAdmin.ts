// Users: filter by e-mail (Company token), create, update and delete. The read routes
// (GET /users/, /users/search, /users/{userId}) live in users.ts.
import { loadContract } from '../../contract';
import type { User, UserRoles } from '../../state';
import { newId } from '../../state';
import { httpError, isPlainObject, normalizePhone, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { body, checkLocationAccess, token } from '../../route';
import { userToApi } from './users';

/** Why these operations are hand-written, not generic: */
const WHY = 'users are the seeded account: e-mail uniqueness, PermissionsDto defaults, token-type and location rules, soft delete';

const TYPES = ['agency', 'account'];
const ROLES = ['admin', 'user'];

/** PermissionsDto defaults from the contract (what HighLevel gives a new user). */
function defaultPermissions(): Record<string, boolean> {
	const props = loadContract().schemas['users.json#PermissionsDto']?.properties ?? {};
	const out: Record<string, boolean> = {};
	for (const [key, schema] of Object.entries(props)) out[key] = schema.default === true;
	return out;
}

function companyOrThrow(ctx: RouteContext, companyId: unknown): string {
	const t = token(ctx);
	if (typeof companyId !== 'string' || companyId !== t.companyId) throw httpError(403, 'The token does not have access to this company');
	return companyId;
}

function nonNegativeInt(value: unknown, name: string, fallback: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw httpError(422, [`${name} must be a number string`]);
	return n;
}

/** The user behind {userId}, as the token may see it (404 otherwise, like GET /users/{userId}). */
function userFor(ctx: RouteContext): User {
	const t = token(ctx);
	const user = ctx.state.users.get(ctx.params.userId);
	if (!user || user.deleted || user.companyId !== t.companyId) throw notFound('User');
	if (t.userType === 'Location' && !user.roles.locationIds.includes(t.locationId ?? '')) throw notFound('User');
	return user;
}

function locationIdsOrThrow(ctx: RouteContext, value: unknown): string[] {
	const ids = Array.isArray(value) ? [...new Set(value.map(String))] : [];
	const t = token(ctx);
	for (const id of ids) {
		if (!ctx.state.locations.has(id)) throw httpError(400, `Location ${id} not found`);
		checkLocationAccess(ctx.state, t, id);
	}
	return ids;
}

function emailTaken(ctx: RouteContext, companyId: string, email: string, exceptId?: string): boolean {
	const wanted = email.toLowerCase();
	for (const u of ctx.state.users.values()) if (!u.deleted && u.companyId === companyId && u.id !== exceptId && u.email.toLowerCase() === wanted) return true;
	return false;
}

/** Applies CreateUserDto / UpdateUserDto fields onto a user (only the keys present change). */
function applyUserFields(ctx: RouteContext, user: User, b: Record<string, unknown>): void {
	const t = token(ctx);
	if (b.type !== undefined) {
		if (!TYPES.includes(String(b.type))) throw httpError(422, [`type must be one of the following values: ${TYPES.join(', ')}`]);
		if (b.type === 'agency' && t.userType === 'Location') throw httpError(403, 'A location token cannot manage agency users');
	}
	if (b.role !== undefined && !ROLES.includes(String(b.role))) throw httpError(422, [`role must be one of the following values: ${ROLES.join(', ')}`]);
	if (typeof b.email === 'string') {
		if (emailTaken(ctx, user.companyId, b.email, user.id)) throw httpError(400, `A user with the email ${b.email} already exists`);
		user.email = b.email.toLowerCase();
	}
	if (typeof b.firstName === 'string') user.firstName = b.firstName;
	if (typeof b.lastName === 'string') user.lastName = b.lastName;
	user.name = [user.firstName, user.lastName].filter(Boolean).join(' ');
	if (typeof b.phone === 'string') user.phone = b.phone ? normalizePhone(b.phone) : '';
	const roles: UserRoles = { ...user.roles, locationIds: [...user.roles.locationIds] };
	if (b.type !== undefined) roles.type = b.type as UserRoles['type'];
	if (b.role !== undefined) roles.role = b.role as UserRoles['role'];
	if (b.locationIds !== undefined) roles.locationIds = locationIdsOrThrow(ctx, b.locationIds);
	if (roles.type === 'account' && roles.locationIds.length === 0) throw httpError(422, ['locationIds should not be empty']);
	user.roles = roles;
	if (isPlainObject(b.permissions)) {
		for (const [k, v] of Object.entries(b.permissions)) if (typeof v === 'boolean') user.permissions[k] = v;
	}
	if (Array.isArray(b.scopes)) user.scopes = b.scopes.map(String);
	if (Array.isArray(b.scopesAssignedToOnly)) user.scopesAssignedToOnly = b.scopesAssignedToOnly.map(String);
	if (typeof b.profilePhoto === 'string') user.profilePhoto = b.profilePhoto;
	if (isPlainObject(b.twilioPhone)) user.lcPhone = { ...(user.lcPhone ?? {}), ...(b.twilioPhone as Record<string, string>) };
	if (typeof b.platformLanguage === 'string') user.platformLanguage = b.platformLanguage;
}

const filterByEmail: RouteDef = {
	method: 'POST',
	path: '/users/search/filter-by-email', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const companyId = companyOrThrow(ctx, b.companyId);
		const emails = new Set(String(b.emails).split(',').map((e) => e.trim().toLowerCase()).filter(Boolean));
		const deleted = b.deleted === true;
		const skip = nonNegativeInt(b.skip, 'skip', 0);
		const limit = nonNegativeInt(b.limit, 'limit', 25);
		const users = [...ctx.state.users.values()]
			.filter((u) => u.companyId === companyId && u.deleted === deleted && emails.has(u.email.toLowerCase()))
			.sort((a, b2) => a.name.localeCompare(b2.name));
		return { body: { users: users.slice(skip, skip + limit).map(userToApi), count: users.length } };
	},
};

const create: RouteDef = {
	method: 'POST',
	path: '/users/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const companyId = companyOrThrow(ctx, b.companyId);
		const user: User = {
			id: newId(ctx.state),
			companyId,
			name: '',
			firstName: '',
			lastName: '',
			email: '',
			phone: '',
			extension: '',
			roles: { type: 'account', role: 'user', locationIds: [], restrictSubAccount: false },
			permissions: defaultPermissions(),
			deleted: false,
			platformLanguage: 'en_US',
		};
		applyUserFields(ctx, user, b);
		ctx.state.users.set(user.id, user);
		return { body: userToApi(user) };
	},
};

const update: RouteDef = {
	method: 'PUT',
	path: '/users/{userId}', why: WHY,
	handle(ctx) {
		const existing = userFor(ctx);
		const b = body(ctx);
		if (b.companyId !== undefined) companyOrThrow(ctx, b.companyId);
		const next: User = { ...existing, roles: { ...existing.roles, locationIds: [...existing.roles.locationIds] }, permissions: { ...existing.permissions } };
		applyUserFields(ctx, next, b);
		ctx.state.users.set(next.id, next);
		return { body: userToApi(next) };
	},
};

const remove: RouteDef = {
	method: 'DELETE',
	path: '/users/{userId}', why: WHY,
	handle(ctx) {
		const user = userFor(ctx);
		ctx.state.users.set(user.id, { ...user, deleted: true });
		return { body: { succeded: true, message: `Queued deleting user with e-mail ${user.email} and name ${user.name}. Will take effect in a few minutes.` } };
	},
};

export const userAdminRoutes: RouteDef[] = [filterByEmail, create, update, remove];
