// OAuth 2.0 of a marketplace app: the consent page (auto-approved), the token endpoint with
// refresh-token rotation, and agency → location tokens.
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthStore } from '../../auth';
import { DEMO } from '../../demo';
import { HttpError, httpError, isPlainObject } from '../../util';
import type { RouteDef } from '../../route';
import { body, token } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'token grants: single-use codes, rotated refresh tokens, location tokens from company tokens';

export const APP_ID = '6578278e879ad2646715ba9c';
export const APP_VERSION_ID = '6578278e879ad2646715ba9d';

function oauthError(status: number, error: string, description: string): HttpError {
	return new HttpError(status, { error, error_description: description });
}

/** client_secret_basic: credentials in an `Authorization: Basic` header instead of the body. */
function mergeBasicAuth(raw: unknown, headers: IncomingHttpHeaders): unknown {
	const auth = headers.authorization;
	if (!auth || !/^basic /i.test(auth)) return raw;
	const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
	const sep = decoded.indexOf(':');
	if (sep < 0) return raw;
	const b = isPlainObject(raw) ? { ...raw } : {};
	b.client_id ??= decodeURIComponent(decoded.slice(0, sep));
	b.client_secret ??= decodeURIComponent(decoded.slice(sep + 1));
	return b;
}

const tokenEndpoint: RouteDef = {
	method: 'POST',
	path: '/oauth/token', why: WHY,
	public: true,
	allowUnknownBody: true,
	prepareBody: mergeBasicAuth,
	handle(ctx) {
		const b = body(ctx);
		if (b.client_id !== DEMO.clientId || b.client_secret !== DEMO.clientSecret) throw oauthError(401, 'invalid_client', 'Invalid client credentials');
		let result;
		if (b.grant_type === 'authorization_code') {
			if (typeof b.code !== 'string' || !b.code) throw oauthError(400, 'invalid_request', 'code is required');
			result = ctx.auth.exchangeCode(b.code, typeof b.redirect_uri === 'string' ? b.redirect_uri : undefined);
		} else if (b.grant_type === 'refresh_token') {
			if (typeof b.refresh_token !== 'string' || !b.refresh_token) throw oauthError(400, 'invalid_request', 'refresh_token is required');
			result = ctx.auth.refresh(b.refresh_token);
		} else {
			throw oauthError(400, 'unsupported_grant_type', `grant_type ${String(b.grant_type)} is not supported by the sandbox`);
		}
		if (typeof result === 'string') throw oauthError(400, 'invalid_grant', result);
		return { status: 200, body: result, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
	},
};

const locationToken: RouteDef = {
	method: 'POST',
	path: '/oauth/locationToken', why: WHY,
	skipLocationAccess: true,
	handle(ctx) {
		const t = token(ctx);
		const b = body(ctx);
		if (b.companyId !== t.companyId) throw httpError(400, 'The companyId does not match the token');
		const location = ctx.state.locations.get(String(b.locationId));
		if (!location || location.companyId !== t.companyId) throw httpError(400, 'Location not found in this company');
		const minted = ctx.auth.locationToken(t, location.id);
		return {
			body: {
				access_token: minted.access_token,
				token_type: minted.token_type,
				expires_in: minted.expires_in,
				scope: minted.scope,
				locationId: location.id,
				userId: minted.userId,
				appId: APP_ID,
				versionId: APP_VERSION_ID,
			},
			headers: { 'Cache-Control': 'no-store' },
		};
	},
};

export const oauthRoutes: RouteDef[] = [tokenEndpoint, locationToken];

export const CHOOSE_LOCATION_PATHS = ['/oauth/chooselocation', '/v2/oauth/chooselocation'];

/**
 * The consent page, auto-approved for DEMO.locationId (or the company with `user_type=Company`):
 * redirects to `redirect_uri?code=...&state=...` like HighLevel after the user picks a location.
 */
export function chooseLocation(auth: AuthStore, query: URLSearchParams): { status: number; location?: string; body?: Record<string, unknown> } {
	const clientId = query.get('client_id');
	const redirectUri = query.get('redirect_uri');
	if (clientId !== DEMO.clientId) return { status: 400, body: { statusCode: 400, message: 'Unknown client_id', error: 'Bad Request' } };
	if (!redirectUri) return { status: 400, body: { statusCode: 400, message: 'redirect_uri is required', error: 'Bad Request' } };
	let target: URL;
	try {
		target = new URL(redirectUri);
	} catch {
		return { status: 400, body: { statusCode: 400, message: 'redirect_uri must be an absolute URL', error: 'Bad Request' } };
	}
	const scopes = (query.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
	const userType = query.get('user_type') === 'Company' ? 'Company' : 'Location';
	const identity = auth.identity({ userType, scopes: scopes.length ? scopes : undefined });
	const code = auth.issueCode(identity, redirectUri);
	target.searchParams.set('code', code);
	const state = query.get('state');
	if (state !== null) target.searchParams.set('state', state);
	return { status: 302, location: target.toString() };
}
