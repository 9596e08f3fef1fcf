// The request pipeline: admin → OAuth page → route → Version → auth → rate limit → faults →
// validation → location access → handler → log. Order matters; see README.md.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import type { AdminControls } from './admin';
import { handleAdmin } from './admin';
import type { AuthStore, TokenInfo } from './auth';
import { authorize } from './auth';
import type { Router, Validator } from './contract';
import type { Faults } from './faults';
import type { RequestLog } from './log';
import { redact } from './log';
import type { RateLimiter } from './rateLimit';
import { ROUTES, routeKey } from './routes';
import { CHOOSE_LOCATION_PATHS, chooseLocation } from './domains/oauth/routes';
import { genericHandle } from './generic/engine';
import type { RouteDef } from './route';
import { LOCATION_DENIED, checkLocationAccess } from './route';
import type { SandboxState } from './state';
import type { LoggedRequest } from './types';
import { HttpError, first, httpError, isPlainObject, traceId } from './util';
import { handleWebhookAdmin } from './webhooks';

export interface Engine {
	state: SandboxState;
	auth: AuthStore;
	limiter: RateLimiter;
	faults: Faults;
	router: Router;
	validator: Validator;
	log: RequestLog;
	admin: AdminControls;
	clock: () => number;
	/** Filled in once the server listens. */
	baseUrl: string;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Handlers by `METHOD template`; every one must name a contract operation. */
export function routeTable(router: Router): Map<string, RouteDef> {
	const table = new Map<string, RouteDef>();
	for (const route of ROUTES) {
		const match = router.match(route.method, route.path.replace(/\{[^}]+\}/g, 'x'));
		if (!match || match.op.path !== route.path) throw new Error(`Sandbox route ${route.method} ${route.path} is not an operation of the contract`);
		table.set(routeKey(route.method, route.path), route);
	}
	return table;
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

interface ParsedBody {
	value: unknown;
	error?: string;
}

function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
	if (raw.length === 0) return { value: undefined };
	const text = raw.toString('utf8');
	if (contentType && /application\/x-www-form-urlencoded/i.test(contentType)) {
		const out: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
		return { value: out };
	}
	if (text.trim() === '') return { value: undefined };
	try {
		return { value: JSON.parse(text) };
	} catch (e) {
		return { value: text.slice(0, 2000), error: (e as Error).message };
	}
}

function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of search) {
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
	if (res.headersSent || res.destroyed) return;
	// Binary answers (recordings, file downloads): a Buffer body, its 'Content-Type' (and e.g. 'Content-Disposition') from the handler's headers.
	if (Buffer.isBuffer(body)) {
		res.writeHead(status, { 'Content-Type': 'application/octet-stream', ...headers, 'Content-Length': body.length });
		res.end(body);
		return;
	}
	const payload = isPlainObject(body) && !('traceId' in body) ? { ...body, traceId: traceId() } : body;
	const text = payload === undefined ? '' : JSON.stringify(payload);
	res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function bearer(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	if (!header) return undefined;
	const m = /^Bearer\s+(.+)$/i.exec(header.trim());
	return m ? m[1].trim() : undefined;
}

/** The resource a token is counted against: its location, else its company. */
function rateKey(token: TokenInfo): string {
	return token.locationId ?? token.companyId;
}

/** Every Version value HighLevel publishes; its API takes any of them on every endpoint. */
export const PUBLISHED_VERSIONS = ['2021-04-15', '2021-07-28', '2023-02-21', 'v3'];

/** Operations without a hand-written route get the contract-driven behaviour (generic/engine.ts). */
const GENERIC_ROUTE: Omit<RouteDef, 'method' | 'path'> = { handle: genericHandle, why: 'generic' };

const SERVER_ERRORS: Record<number, string> = { 500: 'Internal server error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export function createListener(engine: Engine): RequestListener {
	const routes = routeTable(engine.router);
	return (req, res) => {
		handle(engine, routes, req, res).catch((e: unknown) => {
			console.error('[sandbox] unexpected failure', e);
			send(res, 500, { statusCode: 500, message: 'Internal server error' }, {});
		});
	};
}

async function handle(engine: Engine, routes: Map<string, RouteDef>, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const rawUrl = req.url ?? '/';
	const qi = rawUrl.indexOf('?');
	const rawPath = qi < 0 ? rawUrl : rawUrl.slice(0, qi);
	const search = new URLSearchParams(qi < 0 ? '' : rawUrl.slice(qi + 1));
	const method = (req.method ?? 'GET').toUpperCase();
	const raw = await readBody(req);
	const parsed: ParsedBody = raw === 'too-large' ? { value: undefined, error: 'too-large' } : parseBody(raw, req.headers['content-type']);

	// 1. Admin routes: not part of the API, not logged.
	if (rawPath.startsWith('/__sandbox/webhooks/') && !parsed.error) {
		const answer = await handleWebhookAdmin(method, rawPath, parsed.value);
		send(res, answer.status, answer.body, {});
		return;
	}
	if (rawPath === '/__sandbox' || rawPath.startsWith('/__sandbox/')) {
		const answer = parsed.error
			? { status: 400, body: { statusCode: 400, message: `Invalid JSON body: ${parsed.error}` } }
			: handleAdmin(engine.admin, method, rawPath, search, parsed.value);
		send(res, answer.status, answer.body, {});
		return;
	}

	const isOAuth = rawPath.startsWith('/oauth/') || rawPath.startsWith('/v2/oauth/');
	const query = queryRecord(search);
	const version = typeof req.headers.version === 'string' ? req.headers.version : null;
	const entry: LoggedRequest = {
		method,
		path: rawPath,
		query: isOAuth ? (redact(query, true) as Record<string, string | string[]>) : query,
		version,
		body: redact(parsed.value, isOAuth),
		status: 0,
	};
	// The real API sends the rate-limit headers on every answer, errors included (fresh counts until a token is known).
	let rateHeaders: Record<string, string> = engine.limiter.idleHeaders();
	const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
		entry.status = status;
		engine.log.push(entry);
		send(res, status, body, { ...rateHeaders, ...headers });
	};

	try {
		// 1b. The consent page of the OAuth flow (not in the contract).
		if (method === 'GET' && CHOOSE_LOCATION_PATHS.includes(rawPath.replace(/\/+$/, ''))) {
			const page = chooseLocation(engine.auth, search);
			if (page.location) {
				entry.status = page.status;
				engine.log.push(entry);
				res.writeHead(page.status, { Location: page.location, 'Content-Length': 0 });
				res.end();
				return;
			}
			answer(page.status, page.body);
			return;
		}

		// 2. Route.
		const match = engine.router.match(method, rawPath);
		if (!match) throw httpError(404, `Cannot ${method} ${rawPath}`);
		const { op, params } = match;
		const route = routes.get(routeKey(op.method, op.path)) ?? GENERIC_ROUTE;

		// 3. Version header: any published value; required where the operation declares one.
		if (version === null ? op.version !== null : !PUBLISHED_VERSIONS.includes(version)) {
			throw httpError(401, version === null ? 'version header was not found.' : 'version header is invalid');
		}

		// 4. Token, token type and scopes.
		let token: TokenInfo | null = null;
		if (!route.public) {
			const presented = bearer(req);
			token = presented ? (engine.auth.lookup(presented) ?? null) : null;
			if (!token) throw httpError(401, 'Invalid JWT');
			const refused = authorize(token, op.security);
			if (refused) throw refused;

			// 5. Rate limit (every answer from here on carries the headers).
			const decision = engine.limiter.take(rateKey(token));
			rateHeaders = decision.headers;
			if (!decision.allowed) throw httpError(429, 'Too many requests');
		}

		// 6. Faults.
		const fault = engine.faults.decide(method, rawPath, isOAuth);
		if (fault.latencyMs > 0) await sleep(fault.latencyMs);
		switch (fault.action.kind) {
			case 'reset':
				entry.status = 0;
				engine.log.push(entry);
				req.socket.destroy();
				return;
			case 'storm429':
				if (token) {
					engine.limiter.refund(rateKey(token));
					rateHeaders = engine.limiter.exhaustedHeaders(rateKey(token));
				}
				throw httpError(429, 'Too many requests');
			case 'fail5xx':
				throw new HttpError(fault.action.status, { statusCode: fault.action.status, message: SERVER_ERRORS[fault.action.status] });
		}

		// 7. Body and query validation.
		if (parsed.error === 'too-large') throw httpError(413, 'request entity too large');
		if (parsed.error) throw httpError(400, parsed.error);
		let body = parsed.value;
		if (route.prepareBody) body = route.prepareBody(body, req.headers);
		// HighLevel checks the location before validating: a missing required locationId is a 403, not a 422.
		if (token && op.params.some((p) => p.in === 'query' && p.name === 'locationId' && p.required) && !first(query.locationId)) {
			throw httpError(403, LOCATION_DENIED);
		}
		const problems = engine.validator.validateQuery(op.params, query, { allowUnknown: route.allowUnknownQuery });
		if (op.body) {
			const subject = body === undefined && op.body.required ? {} : body;
			if (subject !== undefined) problems.push(...engine.validator.validateBody(op.body.schema, subject, { allowUnknown: route.allowUnknownBody }));
		}
		if (problems.length > 0) throw httpError(422, problems);

		// 8. Location access.
		if (token && !route.skipLocationAccess) {
			const candidates = [first(query.locationId), isPlainObject(body) ? body.locationId : undefined, params.locationId];
			for (const id of candidates) if (typeof id === 'string' && id) checkLocationAccess(engine.state, token, id);
		}

		// 9. Handler.
		const result = await route.handle({
			state: engine.state,
			auth: engine.auth,
			op,
			params,
			query,
			body,
			token,
			headers: req.headers,
			baseUrl: engine.baseUrl,
			now: engine.clock,
		});
		if (engine.faults.failAfterWrite(method, rawPath, isOAuth)) throw new HttpError(500, { statusCode: 500, message: SERVER_ERRORS[500] });
		answer(result.status ?? op.successStatus, result.body, result.headers);
	} catch (e) {
		if (e instanceof HttpError) {
			answer(e.status, e.body, e.headers);
			return;
		}
		console.error('[sandbox] handler failure', e);
		answer(500, { statusCode: 500, message: 'Internal server error' });
	}
}
