// What a route file provides, and the helpers handlers share.
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthStore, TokenInfo } from './auth';
import type { Operation } from './contract';
import type { SandboxState } from './state';
import { httpError, isPlainObject } from './util';

export interface RouteContext {
	state: SandboxState;
	auth: AuthStore;
	op: Operation;
	/** Decoded path parameters. */
	params: Record<string, string>;
	query: Record<string, string | string[]>;
	body: unknown;
	/** Null only on public routes (the OAuth token endpoint). */
	token: TokenInfo | null;
	headers: IncomingHttpHeaders;
	/** 'http://127.0.0.1:<port>' */
	baseUrl: string;
	now(): number;
}

export interface RouteResult {
	/** Defaults to the operation's success status. */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface RouteDef {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	/** The path template exactly as in the contract, e.g. '/contacts/{contactId}'. */
	path: string;
	handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
	/** One line: why the generic engine is not enough for this operation. */
	why: string;
	/** No bearer token (the OAuth token endpoint). */
	public?: boolean;
	/** The handler checks the location itself (e.g. it must answer 400, not 403). */
	skipLocationAccess?: boolean;
	/** Generic OAuth clients add fields of their own (resource, scope, ...): accept unknown body keys. */
	allowUnknownBody?: boolean;
	/** Query keys the contract does not declare are accepted (OAuth pages get generic clients' extras). */
	allowUnknownQuery?: boolean;
	/** Runs before validation, e.g. to take client credentials from a Basic header. */
	prepareBody?(body: unknown, headers: IncomingHttpHeaders): unknown;
}

export function body(ctx: RouteContext): Record<string, unknown> {
	return isPlainObject(ctx.body) ? ctx.body : {};
}

export function token(ctx: RouteContext) {
	if (!ctx.token) throw httpError(401, 'Invalid JWT');
	return ctx.token;
}

export const LOCATION_DENIED = 'The token does not have access to this location.';

/** 403 unless the token may act on this location (own location, or a location of its company). */
export function checkLocationAccess(state: SandboxState, t: TokenInfo, locationId: string): void {
	if (t.userType === 'Location') {
		if (t.locationId !== locationId) throw httpError(403, LOCATION_DENIED);
		return;
	}
	const location = state.locations.get(locationId);
	if (location && location.companyId !== t.companyId) throw httpError(403, LOCATION_DENIED);
}

export function assertLocationAccess(ctx: RouteContext, locationId: string): void {
	checkLocationAccess(ctx.state, token(ctx), locationId);
}

/** First value of a query parameter. */
export function queryValue(ctx: RouteContext, name: string): string | undefined {
	const v = ctx.query[name];
	return Array.isArray(v) ? v[0] : v;
}

/** Integer query value with bounds; throws the NestJS-style 422. */
export function intQuery(ctx: RouteContext, name: string, fallback: number, min: number, max: number): number {
	const value = queryValue(ctx, name);
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n)) throw httpError(422, [`${name} must be an integer number`]);
	if (n < min) throw httpError(422, [`${name} must not be less than ${min}`]);
	if (n > max) throw httpError(422, [`${name} must not be greater than ${max}`]);
	return n;
}
