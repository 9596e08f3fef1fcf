// The request pipeline: routing, Version, auth, location access, validation, logging.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { loadContract } from '../../sandbox/contract';
import { ROUTES, routeKey } from '../../sandbox/routes';
import { call } from './helpers';

let sandbox: Sandbox;
const logDir = mkdtempSync(join(tmpdir(), 'hl-sandbox-'));
const logFile = join(logDir, 'nested', 'requests.jsonl');

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10, logFile });
});
afterAll(async () => {
	await sandbox.close();
	rmSync(logDir, { recursive: true, force: true });
});
beforeEach(() => sandbox.reset());

const firstContact = () => [...sandbox.state.contacts.values()][0];

describe('routing', () => {
	it('answers 404 in the NestJS shape for a path that is not in the contract', async () => {
		const res = await call(sandbox, 'GET', '/nothing/here');
		expect(res.status).toBe(404);
		expect(res.body).toMatchObject({ statusCode: 404, message: 'Cannot GET /nothing/here', error: 'Not Found' });
		expect(typeof res.body.traceId).toBe('string');
	});

	it('answers 404 for a known path with a method the contract does not have', async () => {
		const res = await call(sandbox, 'PATCH', `/contacts/${firstContact().id}`, { json: {} });
		expect(res.status).toBe(404);
	});

	it('serves a contract operation without a hand-written route through the generic engine', async () => {
		const implemented = new Set(ROUTES.map((r) => routeKey(r.method, r.path)));
		const op = loadContract().operations.find((o) => o.method.toUpperCase() === 'GET' && !implemented.has(routeKey(o.method, o.path)) && !o.params.some((p) => p.in === 'query' && p.required) && !o.path.includes('{'));
		expect(op).toBeDefined();
		const res = await call(sandbox, 'GET', op!.path, { version: op!.version });
		expect(res.status).toBe(op!.successStatus);
	});

	it('matches templates with or without the trailing slash', async () => {
		const withSlash = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&limit=1`);
		const without = await call(sandbox, 'GET', `/contacts?locationId=${DEMO.locationId}&limit=1`);
		expect(withSlash.status).toBe(200);
		expect(without.status).toBe(200);
		expect(without.body.contacts[0].id).toBe(withSlash.body.contacts[0].id);
	});

	it('prefers literal segments and keeps an encoded slash inside one parameter', async () => {
		const duplicate = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${DEMO.locationId}&email=${encodeURIComponent(firstContact().email!)}`);
		expect(duplicate.status).toBe(200);
		expect(duplicate.body.contact.id).toBe(firstContact().id);
		const encoded = await call(sandbox, 'GET', `/contacts/${encodeURIComponent('a/b')}`);
		expect(encoded.status).toBe(404);
		expect(encoded.body.message).toBe('Contact not found');
	});
});

describe('Version header', () => {
	it('answers 401 for a missing or unknown Version, like HighLevel', async () => {
		const missing = await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { version: null });
		expect(missing.status).toBe(401);
		expect(missing.body).toMatchObject({ statusCode: 401, message: 'version header was not found.', error: 'Unauthorized' });
		const unknown = await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { version: '2024-01-01' });
		expect(unknown.status).toBe(401);
		expect(unknown.body).toMatchObject({ statusCode: 401, message: 'version header is invalid' });
	});
});

describe('authentication and authorization', () => {
	it('answers 401 Invalid JWT for a missing, unknown or expired token', async () => {
		const path = `/contacts/${firstContact().id}`;
		for (const token of [null, 'not-a-token']) {
			const res = await call(sandbox, 'GET', path, { token });
			expect(res.status).toBe(401);
			expect(res.body).toMatchObject({ statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
			// Not counted against any location, but the headers are there, as on every HighLevel answer.
			expect(res.headers.get('x-ratelimit-remaining')).toBe('100');
		}
		const token = sandbox.issueToken({ userType: 'Location' });
		expect((await call(sandbox, 'GET', path, { token })).status).toBe(200);
		sandbox.expireToken(token);
		expect((await call(sandbox, 'GET', path, { token })).body.message).toBe('Invalid JWT');
	});

	it('names the scope problem when a scope is missing', async () => {
		const token = sandbox.issueToken({ userType: 'Location', scopes: ['contacts.readonly'] });
		expect((await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token })).status).toBe(200);
		const res = await call(sandbox, 'POST', '/contacts/', { token, json: { locationId: DEMO.locationId, email: 'x@example.com' } });
		expect(res.status).toBe(401);
		expect(res.body).toMatchObject({ statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' });
	});

	it('refuses the wrong token type', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		const res = await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token: company });
		expect(res.status).toBe(401);
		expect(res.body.message).toBe('The token type is not allowed for this route');
		// Agency-Access-Only excludes Private Integration Tokens.
		const pit = await call(sandbox, 'POST', '/oauth/locationToken', { token: DEMO.agencyPrivateToken, form: { companyId: DEMO.companyId, locationId: DEMO.locationId } });
		expect(pit.status).toBe(401);
	});

	it('accepts either token type where the operation lists both schemes', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		expect((await call(sandbox, 'GET', `/locations/${DEMO.locationId}`, { token: company })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/locations/${DEMO.locationId}`)).status).toBe(200);
	});
});

describe('location access', () => {
	it('answers 403 when a location token names another location', async () => {
		const inQuery = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.otherLocationId}`);
		expect(inQuery.status).toBe(403);
		expect(inQuery.body).toMatchObject({ statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' });
		const inBody = await call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.otherLocationId, email: 'a@example.com' } });
		expect(inBody.status).toBe(403);
		const inPath = await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}/tags`);
		expect(inPath.status).toBe(403);
	});

	it('answers 403 for a contact of another location', async () => {
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		const res = await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token: other });
		expect(res.status).toBe(403);
	});

	it('lets a company token reach the locations of its company only', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		expect((await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}`, { token: company })).status).toBe(200);
		const foreign = [...sandbox.state.locations.values()].find((l) => l.companyId !== DEMO.companyId)!;
		expect((await call(sandbox, 'GET', `/locations/${foreign.id}`, { token: company })).status).toBe(403);
	});
});

describe('validation', () => {
	it('names a non-email email, an unknown property and a missing required field', async () => {
		const res = await call(sandbox, 'POST', '/contacts/', { json: { email: 'not-an-email', favouriteFood: 'pie' } });
		expect(res.status).toBe(422);
		expect(res.body.error).toBe('Unprocessable Entity');
		expect(res.body.message).toEqual(expect.arrayContaining(['locationId should not be empty', 'email must be an email', 'property favouriteFood should not exist']));
		expect(sandbox.state.contacts.size).toBe(10);
	});

	it('checks types, enums and nested items with their field paths', async () => {
		const res = await call(sandbox, 'POST', '/contacts/', {
			json: { locationId: DEMO.locationId, dnd: 'yes', tags: ['ok', 3], dndSettings: { SMS: { status: 'sleeping' } }, customFields: [{ field_value: 'x' }] },
		});
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(
			expect.arrayContaining([
				'dnd must be a boolean value',
				'tags.1 must be a string',
				'dndSettings.SMS.status must be one of the following values: active, inactive, permanent',
				'customFields.0.id should not be empty',
			]),
		);
	});

	it('refuses fields the update DTO does not have', async () => {
		const res = await call(sandbox, 'PUT', `/contacts/${firstContact().id}`, { json: { locationId: DEMO.locationId, city: 'Porto' } });
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(['property locationId should not exist']);
	});

	it('validates query parameters', async () => {
		// NestJS runs guards before validation pipes: HighLevel's location guard answers a missing locationId.
		const missing = await call(sandbox, 'GET', '/contacts/');
		expect(missing.status).toBe(403);
		expect(missing.body.message).toBe('The token does not have access to this location.');
		const badNumber = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&limit=ten`);
		expect(badNumber.body.message).toEqual(['limit must be a number conforming to the specified constraints']);
		const badEnum = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields?model=deal`);
		expect(badEnum.body.message).toEqual(['model must be one of the following values: contact, opportunity, all']);
	});

	it('answers 400 for a body that is not JSON', async () => {
		const res = await call(sandbox, 'POST', '/contacts/', { headers: { 'Content-Type': 'application/json' }, json: undefined, form: undefined });
		expect(res.status).toBe(422); // empty body: the required fields are missing
		const broken = await fetch(`${sandbox.url}/contacts/`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
			body: '{"locationId":',
		});
		expect(broken.status).toBe(400);
	});
});

describe('request log', () => {
	it('records every answered request without the Authorization header or any token', async () => {
		const token = sandbox.issueToken({ userType: 'Location' });
		await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token });
		await call(sandbox, 'GET', '/nothing');
		const refresh = sandbox.issueRefreshToken({ userType: 'Location' });
		await call(sandbox, 'POST', '/oauth/token', {
			token: null,
			version: null,
			form: { client_id: DEMO.clientId, client_secret: DEMO.clientSecret, grant_type: 'refresh_token', refresh_token: refresh },
		});
		expect(sandbox.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', `/contacts/${firstContact().id}`, 200],
			['GET', '/nothing', 404],
			['POST', '/oauth/token', 200],
		]);
		expect(sandbox.requests[2].body).toMatchObject({ client_secret: '[redacted]', refresh_token: '[redacted]', grant_type: 'refresh_token' });
		expect(sandbox.requests[0]).toEqual({ method: 'GET', path: `/contacts/${firstContact().id}`, query: {}, version: '2021-07-28', body: undefined, status: 200 });
		const text = JSON.stringify(sandbox.requests) + readFileSync(logFile, 'utf8');
		for (const secret of [token, refresh, DEMO.clientSecret, DEMO.locationPrivateToken, 'Bearer', 'authorization']) expect(text).not.toContain(secret);
	});

	it('appends one JSON line per request to the log file', async () => {
		const before = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
		await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&limit=2`);
		await call(sandbox, 'POST', '/contacts/search', { json: { locationId: DEMO.locationId, pageLimit: 1 } });
		const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(before).map((l) => JSON.parse(l));
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({ method: 'GET', path: '/contacts/', query: { locationId: DEMO.locationId, limit: '2' }, version: '2021-07-28', status: 200 });
		expect(lines[1]).toMatchObject({ method: 'POST', path: '/contacts/search', body: { locationId: DEMO.locationId, pageLimit: 1 }, status: 200 });
		expect(typeof lines[0].time).toBe('string');
	});
});
