// Each way a request can fail tells the user what failed and what to do: a credential never
// connected, a refused refresh, HighLevel's token service down, a revoked token, a missing scope,
// the network, a timeout. Nothing is resent that may have been applied.
import type { INodeType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { loadPackage } from '../harness';
import { apiRequests, byId, oauthCredential, privateToken, runContact } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 3 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const located = { userType: 'Location' as const, locationId: DEMO.locationId, companyId: DEMO.companyId };
const contactId = () => [...sandbox.state.contacts.values()][0].id;
const log = () => sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
const contactsWith = (email: string) => [...sandbox.state.contacts.values()].filter((c) => c.email === email);

/** An OAuth2 credential whose access token has expired, so the first request makes n8n refresh it. */
function expiredCredential(refreshToken = sandbox.issueRefreshToken(located)) {
	const access = sandbox.issueToken(located);
	sandbox.expireToken(access);
	return oauthCredential(sandbox, { access_token: access, refresh_token: refreshToken, ...located });
}

/** Everything of a failed run a user or a log may see. */
function shown(result: { error?: Error & { description?: string | null; context?: unknown }; items: unknown[] }): string {
	const error = result.error as (Error & { description?: string | null; context?: unknown; cause?: unknown; errorResponse?: unknown }) | undefined;
	return JSON.stringify({ items: result.items, message: error?.message, description: error?.description, context: error?.context, cause: error?.cause, errorResponse: error?.errorResponse });
}

/** Waits (bounded) until the sandbox has answered `count` requests: a delayed answer is logged late. */
async function answered(count: number): Promise<number> {
	for (let i = 0; i < 100 && sandbox.requests.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
	return sandbox.requests.length;
}

describe('credential and token failures', () => {
	it('an OAuth2 credential never connected: says so, sends nothing', async () => {
		const credential = oauthCredential(sandbox, { access_token: '', refresh_token: '', ...located });
		delete (credential.data as { oauthTokenData?: unknown }).oauthTokenData;
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()), location: byId(DEMO.locationId) }, { credential });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('The OAuth2 credential is not connected to HighLevel');
		expect(result.error?.description).toMatch(/Connect my account/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a refused refresh (rotated refresh token): says to reconnect, not to check the network', async () => {
		const rotated = sandbox.issueRefreshToken(located);
		const first = await runContact(sandbox, 'get', { contactId: byId(contactId()) }, { credential: expiredCredential(rotated) });
		expect(first.error).toBeUndefined();
		sandbox.requests.length = 0;
		// Another copy of the credential still holds the refresh token the first run spent.
		const result = await runContact(sandbox, 'create', { email: 'stale@example.com' }, { credential: expiredCredential(rotated) });
		expect(result.error?.message).toMatch(/^HighLevel refused to refresh the OAuth2 token: .* \[400\]$/);
		expect(result.error?.message).not.toMatch(/connection|reached/);
		expect(result.error?.description).toMatch(/rotated, revoked or expired.*Reconnect the credential/);
		expect(log()).toEqual(['POST /contacts/ 401', 'POST /oauth/token 400']);
		expect(contactsWith('stale@example.com')).toHaveLength(0);
		expect(shown(result)).not.toContain(rotated);
		expect(shown(result)).not.toContain(DEMO.clientSecret);
	});

	it("HighLevel's token service failing for a moment: retried, the write applied once", async () => {
		sandbox.setFaults({ match: { pathPrefix: '/oauth/token' }, fail5xxNext: 2 });
		const result = await runContact(sandbox, 'create', { email: 'after-5xx@example.com' }, { credential: expiredCredential() });
		expect(result.error).toBeUndefined();
		expect(contactsWith('after-5xx@example.com')).toHaveLength(1);
		expect(log()).toEqual([
			'POST /contacts/ 401',
			'POST /oauth/token 500',
			'POST /contacts/ 401',
			'POST /oauth/token 502',
			'POST /contacts/ 401',
			'POST /oauth/token 200',
			'POST /contacts/ 201',
		]);
	});

	it("HighLevel's token service down: reported in words after the retries, not as raw JSON", async () => {
		sandbox.setFaults({ match: { pathPrefix: '/oauth/token' }, fail5xxNext: 100 });
		const credential = expiredCredential();
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()) }, { credential });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe('HighLevel could not refresh the OAuth2 token: its token service had a server error (Internal server error) [500]');
		expect(result.error?.description).toMatch(/failed on 4 attempts.*nothing changed/);
		expect(sandbox.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(4);
		const tokens = credential.data.oauthTokenData as { access_token: string; refresh_token: string };
		for (const secret of [tokens.access_token, tokens.refresh_token, DEMO.clientSecret]) expect(shown(result)).not.toContain(secret);
	});

	it('a revoked Private Integration token: says to paste the current one', async () => {
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()) }, { credential: privateToken(sandbox, { token: 'pit-revoked-0000-1111' }) });
		expect(result.error?.message).toBe('HighLevel: Invalid JWT [401]');
		expect(result.error?.description).toMatch(/Private Integration token: it was rotated, deleted or mistyped/);
	});

	it('a missing scope: names the scope', async () => {
		const token = sandbox.issueToken({ ...located, scopes: ['contacts.readonly'] });
		const result = await runContact(sandbox, 'delete', { contactId: byId(contactId()) }, { credential: privateToken(sandbox, { token }) });
		expect(result.error?.message).toMatch(/not authorized for this scope/);
		expect(result.error?.description).toMatch(/needs the scope contacts\.write/);
	});
});

describe('network failures and the Timeout option', () => {
	it('the network down: says HighLevel could not be reached, after retrying', async () => {
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()) }, { credential: privateToken(sandbox, { baseUrl: 'http://127.0.0.1:9' }) });
		expect(result.error?.message).toBe('HighLevel: connection failed (the connection was refused)');
		expect(result.error?.description).toMatch(/could not be reached after 4 attempts/);
	});

	it('a read with no answer within the Timeout: retried, then reported as a timeout', async () => {
		sandbox.setFaults({ latencyMs: 2_500 });
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()), requestOptions: { timeout: 1 } });
		expect(result.error?.message).toBe('HighLevel: timed out (no answer within 1 s)');
		expect(result.error?.description).toMatch(/did not answer within the Timeout \(1 s\) on 4 attempts/);
		expect(await answered(4)).toBe(4);
		expect(apiRequests(sandbox).every((r) => r.method === 'GET')).toBe(true);
	});

	it('a write with no answer within the Timeout: sent once, reported as possibly applied', async () => {
		sandbox.setFaults({ latencyMs: 2_000 });
		const result = await runContact(sandbox, 'create', { email: 'slow@example.com', requestOptions: { timeout: 1 } });
		expect(result.error?.message).toBe('HighLevel: timed out (no answer within 1 s), the change may have been applied');
		expect(result.error?.description).toMatch(/It was not resent, because the change may have been applied/);
		await answered(1);
		// HighLevel did apply it, after the node stopped waiting: exactly once.
		expect(contactsWith('slow@example.com')).toHaveLength(1);
		expect(apiRequests(sandbox)).toHaveLength(1);
	});

	it('refuses a timeout that is not a number of seconds before sending', async () => {
		for (const timeout of [0, -5, '={{ "abc" }}', 301]) {
			const result = await runContact(sandbox, 'get', { contactId: byId(contactId()), requestOptions: { timeout } });
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error?.message).toMatch(/^Timeout \(Seconds\): ".*" is not a number of seconds between 1 and 300$/);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	it('every node that sends requests offers the Timeout, 60 s by default', async () => {
		const pkg = await loadPackage();
		const senders = pkg.nodeNames.map((name) => (pkg.getNodeType(name) as INodeType).description).filter((d) => !d.webhooks);
		expect(senders.length).toBeGreaterThanOrEqual(2);
		for (const description of senders) {
			const options = description.properties.find((p) => p.name === 'requestOptions');
			// Action nodes also offer Batching (items in flight); the polling trigger has no items to batch.
			const expected = [
				...(description.polling ? [] : [expect.objectContaining({ name: 'batching', default: { batch: {} } })]),
				expect.objectContaining({ name: 'timeout', default: 60 }),
			];
			expect({ node: description.name, options: options?.options }).toEqual({ node: description.name, options: expected });
		}
	});
});
