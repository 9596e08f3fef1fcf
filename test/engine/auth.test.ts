// OAuth2 refresh on 401 with refresh-token rotation, agency → location tokens, Private Integration tokens.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { testCredential } from '../harness';
import { apiRequests, byId, oauthCredential, privateToken, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const firstContact = () => [...sandbox.state.contacts.values()][0];

describe('OAuth2 credential', () => {
	it('refreshes an expired access token once, stores the rotated refresh token and retries', async () => {
		const tokenOptions = { userType: 'Location' as const, locationId: DEMO.locationId, companyId: DEMO.companyId };
		const access = sandbox.issueToken(tokenOptions);
		const refresh = sandbox.issueRefreshToken(tokenOptions);
		sandbox.expireToken(access);
		const credential = oauthCredential(sandbox, { access_token: access, refresh_token: refresh, ...tokenOptions });

		const result = await runContact(sandbox, 'get', { contactId: byId(firstContact().id) }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(firstContact().id);
		expect(result.tokenUpdates).toBe(1);
		const stored = result.credentialData.oauthTokenData as Record<string, string>;
		expect(stored.access_token).not.toBe(access);
		expect(stored.refresh_token).not.toBe(refresh);

		// The used refresh token is spent: only the stored, rotated one works from now on.
		const tokenCalls = sandbox.requests.filter((r) => r.path === '/oauth/token');
		expect(tokenCalls).toHaveLength(1);
		const again = await runContact(sandbox, 'get', { contactId: byId(firstContact().id) }, { credential: { ...credential, data: result.credentialData } });
		expect(again.error).toBeUndefined();
		expect(again.tokenUpdates).toBe(0);
	});

	it('exchanges an agency token for a location token once and reuses it', async () => {
		const agency = { userType: 'Company' as const, companyId: DEMO.companyId };
		const credential = oauthCredential(sandbox, {
			access_token: sandbox.issueToken(agency),
			refresh_token: sandbox.issueRefreshToken(agency),
			...agency,
		});
		const ids = [...sandbox.state.contacts.values()].slice(0, 3).map((c) => c.id);
		const result = await runContact(
			sandbox,
			'get',
			{ contactId: byId('={{$json.id}}'), location: byId(DEMO.locationId) },
			{ credential, inputItems: ids.map((id) => ({ json: { id } })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(sandbox.requests.filter((r) => r.path === '/oauth/locationToken')).toHaveLength(1);
	});

	it('asks for a Location before sending anything when an agency token has none', async () => {
		const agency = { userType: 'Company' as const, companyId: DEMO.companyId };
		const credential = oauthCredential(sandbox, { access_token: sandbox.issueToken(agency), refresh_token: sandbox.issueRefreshToken(agency), ...agency });
		const result = await runContact(sandbox, 'get', { contactId: byId(firstContact().id) }, { credential });
		expect(result.error?.message).toMatch(/"Location" is required.*agency/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Private Integration credential', () => {
	it('passes its test with a valid token and fails with a wrong one', async () => {
		expect((await testCredential(privateToken(sandbox))).status).toBe('OK');
		expect((await testCredential(privateToken(sandbox, { token: 'pit-wrong-token' }))).status).toBe('Error');
	});

	it('names the missing scope when HighLevel refuses the token', async () => {
		const token = sandbox.issueToken({ userType: 'Location', locationId: DEMO.locationId, companyId: DEMO.companyId, scopes: ['contacts.readonly'] });
		const result = await runContact(sandbox, 'create', { email: 'scope@example.com' }, { credential: privateToken(sandbox, { token }) });
		expect(result.error?.message).toMatch(/not authorized for this scope/);
		expect(result.error?.description).toContain('contacts.write');
		// n8n-core re-sends once after any 401 of a non-OAuth credential; HighLevel refused both.
		const sent = apiRequests(sandbox);
		expect(sent.length).toBeGreaterThanOrEqual(1);
		expect(sent.every((r) => r.status === 401)).toBe(true);
		expect([...sandbox.state.contacts.values()].some((c) => c.email === 'scope@example.com')).toBe(false);
	});
});
