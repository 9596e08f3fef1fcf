/**
 * Proves the harness against a scratch community package (fixtures/n8n-nodes-harness-fixture)
 * and a throwaway local HTTP server: n8n-core's engine loads the package, resolves credentials,
 * signs/refreshes requests and records errors exactly as it would for the real node.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

import type { INodeType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { loadPackage, runNode, runPoll, testCredential } from './index';

const FIXTURE = path.join(__dirname, 'fixtures', 'n8n-nodes-harness-fixture');

interface Recorded {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: string;
}

const requests: Recorded[] = [];
const EXPIRED = new Set<string>();
let tokenCounter = 0;
let server: http.Server;
let baseUrl: string;

function send(res: http.ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const rec: Recorded = {
				method: req.method ?? '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
			};
			requests.push(rec);
			const auth = req.headers.authorization ?? '';
			const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;

			if (url.pathname === '/oauth/token' && req.method === 'POST') {
				const form = Object.fromEntries(new URLSearchParams(body));
				if (form.refresh_token !== 'refresh-1') return send(res, 400, { error: 'invalid_grant' });
				tokenCounter++;
				return send(res, 200, {
					access_token: `access-refreshed-${tokenCounter}`,
					refresh_token: `refresh-${tokenCounter + 1}`,
					token_type: 'Bearer',
					expires_in: 86399,
					locationId: 'loc-1',
				});
			}
			if (url.pathname === '/session' && req.method === 'POST') {
				return send(res, 200, { sessionToken: `session-for-${JSON.parse(body).apiKey}` });
			}
			if (bearer && EXPIRED.has(bearer)) return send(res, 401, { message: 'token expired' });
			if (url.pathname === '/me') {
				if (bearer === 'good-key') return send(res, 200, { account: { disabled: false } });
				if (bearer === 'disabled-key') return send(res, 200, { account: { disabled: true } });
				return send(res, 401, { message: 'bad key' });
			}
			if (url.pathname.startsWith('/status/')) {
				const status = Number(url.pathname.split('/')[2]);
				return send(res, status, { message: `status ${status} as requested` });
			}
			if (url.pathname === '/events') {
				const since = Number(url.searchParams.get('since') ?? 0);
				const events = [1, 2, 3].filter((id) => id > since).map((id) => ({ id, name: `event ${id}` }));
				return send(res, 200, { events });
			}
			return send(res, 200, { echoed: { method: rec.method, path: rec.path, query: rec.query } });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	requests.length = 0;
});

const apiKey = () => ({ type: 'fixtureApiKeyApi', data: { apiKey: 'good-key', baseUrl } });

describe('loadPackage', () => {
	it('loads the package through PackageDirectoryLoader and caches it', async () => {
		const pkg = await loadPackage(FIXTURE);
		expect(pkg.packageName).toBe('n8n-nodes-harness-fixture');
		expect(pkg.nodeNames.sort()).toEqual(['fixtureEcho', 'fixturePoll']);
		expect(pkg.credentialNames.sort()).toEqual(['fixtureApiKeyApi', 'fixtureOAuth2Api', 'fixtureSessionApi']);
		expect(pkg.fullNodeType('fixtureEcho')).toBe('n8n-nodes-harness-fixture.fixtureEcho');
		expect(pkg.defaultVersion('fixtureEcho')).toBe(2);
		expect(pkg.getParentTypes('fixtureOAuth2Api')).toEqual(['oAuth2Api']);
		// The loader injects the poll-times parameter into polling nodes, as in n8n.
		const poll = pkg.getNodeType('fixturePoll') as INodeType;
		expect(poll.description.properties.map((p) => p.name)).toContain('pollTimes');
		expect(await loadPackage(FIXTURE)).toBe(pkg);
	});
});

describe('runNode', () => {
	it('applies generic authenticate (header and query) resolved through the expression engine', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { operation: 'echo', path: '/echo' },
			credentials: apiKey(),
			inputItems: [{ json: { a: 1 } }, { json: { a: 2 } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json).toMatchObject({ statusCode: 200, typeVersion: 2, echoed: { path: '/echo' } });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requests).toHaveLength(2);
		expect(requests[0].headers.authorization).toBe('Bearer good-key');
		expect(requests[0].query).toEqual({ item: '0', client: 'harness' });
		expect(result.runData['Fixture Echo'][0].executionStatus).toBe('success');
		expect(result.tokenUpdates).toBe(0);
	});

	it('honours typeVersion', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			typeVersion: 1,
			parameters: { operation: 'echo' },
			credentials: apiKey(),
		});
		expect(result.items[0].json.typeVersion).toBe(1);
	});

	it('calls function authenticate after preAuthentication fetched the expirable token, and persists it', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { authentication: 'session', operation: 'echo' },
			credentials: { type: 'fixtureSessionApi', data: { apiKey: 'k1', baseUrl } },
		});
		expect(result.error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /session', 'GET /echo']);
		expect(requests[1].headers['x-session']).toBe('session-for-k1');
		expect(result.credentialUpdates).toBe(1);
		expect(result.credentialData.sessionToken).toBe('session-for-k1');
	});

	it('signs with the OAuth2 access token, refreshes on 401 at the expression-derived token URL, persists and retries', async () => {
		EXPIRED.add('access-old');
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { authentication: 'oAuth2', operation: 'echo' },
			credentials: {
				type: 'fixtureOAuth2Api',
				data: {
					clientId: 'client-1',
					clientSecret: 'secret-1',
					baseUrl: `${baseUrl}/`,
					oauthTokenData: { access_token: 'access-old', refresh_token: 'refresh-1', token_type: 'Bearer' },
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /echo', 'POST /oauth/token', 'GET /echo']);
		expect(requests[0].headers.authorization).toBe('Bearer access-old');

		const refresh = Object.fromEntries(new URLSearchParams(requests[1].body));
		expect(refresh).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'refresh-1',
			client_id: 'client-1',
			client_secret: 'secret-1',
		});
		expect(requests[1].headers['content-type']).toContain('application/x-www-form-urlencoded');

		expect(requests[2].headers.authorization).toBe(`Bearer access-refreshed-${tokenCounter}`);
		expect(result.tokenUpdates).toBe(1);
		const stored = result.credentialData.oauthTokenData as Record<string, unknown>;
		expect(stored.access_token).toBe(`access-refreshed-${tokenCounter}`);
		expect(stored.refresh_token).toBe(`refresh-${tokenCounter + 1}`);
		expect(stored.locationId).toBe('loc-1');
		expect(typeof stored.n8n_expires_at).toBe('string');
		// Only the token data is persisted; the user's fields stay as they were typed.
		expect(result.credentialData.baseUrl).toBe(`${baseUrl}/`);
		expect(result.credentialData).not.toHaveProperty('accessTokenUrl');
		// What updateCredentialsOauthTokenData received: the resolved credential with defaults and the new token.
		expect(result.tokenUpdateCalls[0]).toMatchObject({
			accessTokenUrl: `${baseUrl}/oauth/token`,
			authUrl: `${baseUrl}/oauth/authorize`,
			grantType: 'authorizationCode',
			authentication: 'body',
			scope: 'fixture.read fixture.write',
			clientId: 'client-1',
			oauthTokenData: { access_token: `access-refreshed-${tokenCounter}` },
		});
		expect(result.items[0].json.statusCode).toBe(200);
	});

	it('ignores an accessTokenUrl stored by the user: the hidden type default wins', async () => {
		EXPIRED.add('access-old-2');
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { authentication: 'oAuth2', operation: 'echo' },
			credentials: {
				type: 'fixtureOAuth2Api',
				data: {
					clientId: 'client-1',
					clientSecret: 'secret-1',
					baseUrl,
					accessTokenUrl: 'http://127.0.0.1:1/never',
					oauthTokenData: { access_token: 'access-old-2', refresh_token: 'refresh-1' },
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests[1].path).toBe('/oauth/token');
		expect(result.tokenUpdates).toBe(1);
	});

	it('does not refresh when ignoreHttpStatusErrors is plain `true`: the 401 comes back as a response', async () => {
		EXPIRED.add('access-old-3');
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { authentication: 'oAuth2', operation: 'echo', ignoreAllStatusErrors: true },
			credentials: {
				type: 'fixtureOAuth2Api',
				data: { clientId: 'c', clientSecret: 's', baseUrl, oauthTokenData: { access_token: 'access-old-3', refresh_token: 'refresh-1' } },
			},
		});
		expect(requests.map((r) => r.path)).toEqual(['/echo']);
		expect(result.tokenUpdates).toBe(0);
		expect(result.error?.message).toBe('Fixture API answered 401: token expired');
	});

	it('surfaces a thrown NodeOperationError as `error` with its message, and no items', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { operation: 'fail', message: 'Broken on purpose' },
			credentials: apiKey(),
		});
		expect(result.items).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Broken on purpose');
		expect(result.runData['Fixture Echo'][0].error?.message).toBe('Broken on purpose');
		expect(result.run.data.resultData.error?.message).toBe('Broken on purpose');
		expect(result.run.status).toBe('error');
	});

	it('surfaces a NodeApiError with its http code', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { operation: 'status', statusCode: 422 },
			credentials: apiKey(),
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe('Fixture API answered 422: status 422 as requested');
		expect((result.error as NodeApiError).httpCode).toBe('422');
	});

	it('with continueOnFail returns error items paired to their input', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { operation: 'fail', message: 'Item failed' },
			credentials: apiKey(),
			continueOnFail: true,
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'Item failed' }, pairedItem: { item: 0 } },
			{ json: { error: 'Item failed' }, pairedItem: { item: 1 } },
		]);
	});

	it('with continueOnFail, an error the node does not handle passes the input items on and is still reported', async () => {
		const result = await runNode({
			packageRoot: FIXTURE,
			nodeType: 'fixtureEcho',
			parameters: { operation: 'crash' },
			credentials: apiKey(),
			continueOnFail: true,
			inputItems: [{ json: { n: 1 } }],
		});
		expect(result.items.map((i) => i.json)).toEqual([{ n: 1 }]);
		expect(result.error).toBeInstanceOf(Error);
		expect(result.error?.message).toBe('Crashed outside the item loop');
		// Engine quirk: the node is the last one, so its error stays the execution's error.
		expect(result.run.status).toBe('error');
		expect(result.run.data.resultData.error?.message).toBe('Crashed outside the item loop');
	});

	it('rejects a workflow n8n would refuse to start (missing required parameter)', async () => {
		await expect(
			runNode({ packageRoot: FIXTURE, nodeType: 'fixtureEcho', parameters: { operation: 'fail' }, credentials: apiKey() }),
		).rejects.toThrow(/Message/);
	});
});

describe('testCredential', () => {
	it('OK when the test request succeeds (baseURL expression resolved, authenticate applied)', async () => {
		const result = await testCredential({ type: 'fixtureApiKeyApi', data: { apiKey: 'good-key', baseUrl: `${baseUrl}/` } }, FIXTURE);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/me');
		expect(requests[0].headers.authorization).toBe('Bearer good-key');
		expect(requests[0].headers['x-test']).toBe('credential-test');
	});

	it('Error on a non-2xx answer', async () => {
		const result = await testCredential({ type: 'fixtureApiKeyApi', data: { apiKey: 'wrong', baseUrl } }, FIXTURE);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Unauthorized|401/);
	});

	it('Error from a responseSuccessBody rule', async () => {
		const result = await testCredential({ type: 'fixtureApiKeyApi', data: { apiKey: 'disabled-key', baseUrl } }, FIXTURE);
		expect(result).toEqual({ status: 'Error', message: 'This API key is disabled' });
	});

	it('OAuth2 credentials without a test are judged by their access token, like n8n', async () => {
		const connected = await testCredential(
			{ type: 'fixtureOAuth2Api', data: { baseUrl, oauthTokenData: { access_token: 'x' } } },
			FIXTURE,
		);
		expect(connected.status).toBe('OK');
		const notConnected = await testCredential({ type: 'fixtureOAuth2Api', data: { baseUrl } }, FIXTURE);
		expect(notConnected).toEqual({ status: 'Error', message: 'This OAuth2 credential was not connected to an account.' });
	});
});

describe('runPoll', () => {
	it('trigger mode advances the cursor in static data; the next tick sees it', async () => {
		const first = await runPoll({
			packageRoot: FIXTURE,
			nodeType: 'fixturePoll',
			mode: 'trigger',
			parameters: {},
			credentials: apiKey(),
			staticData: {},
		});
		expect(first.result?.[0].map((i) => i.json.id)).toEqual([1, 2, 3]);
		expect(first.nodeStaticData).toEqual({ lastId: 3 });
		expect(first.staticData).toEqual({ 'node:Fixture Poll Trigger': { lastId: 3 } });
		expect(first.staticDataChanged).toBe(true);
		expect(first.persisted).toBe(true);
		expect(requests[0].query).toMatchObject({ since: '0', limit: '10', client: 'harness' });

		const second = await runPoll({
			packageRoot: FIXTURE,
			nodeType: 'fixturePoll',
			mode: 'trigger',
			parameters: {},
			credentials: apiKey(),
			staticData: first.staticData,
		});
		expect(second.result).toBeNull();
		expect(requests[1].query.since).toBe('3');
		expect(second.staticData).toEqual(first.staticData);
		expect(second.staticDataChanged).toBe(false);
	});

	it('manual mode returns a sample and leaves static data alone', async () => {
		const staticData = { 'node:Fixture Poll Trigger': { lastId: 3 } };
		const manual = await runPoll({
			packageRoot: FIXTURE,
			nodeType: 'fixturePoll',
			mode: 'manual',
			parameters: {},
			credentials: apiKey(),
			staticData,
		});
		expect(manual.result?.[0].map((i) => i.json)).toEqual([{ id: 3, name: 'event 3' }]);
		expect(manual.staticData).toEqual(staticData);
		expect(manual.persisted).toBe(false);
	});

	it('trigger mode rethrows what n8n would route to the error workflow', async () => {
		await expect(
			runPoll({
				packageRoot: FIXTURE,
				nodeType: 'fixturePoll',
				mode: 'trigger',
				parameters: {},
				credentials: { type: 'fixtureApiKeyApi', data: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1' } },
			}),
		).rejects.toThrow();
	});
});
