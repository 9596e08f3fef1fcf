// OAuth: consent redirect, code exchange, refresh-token rotation, agency → location tokens.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { call } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5, accessTokenTtlSec: 3600 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const client = { client_id: DEMO.clientId, client_secret: DEMO.clientSecret };
const tokenCall = (form: Record<string, string>) => call(sandbox, 'POST', '/oauth/token', { token: null, version: null, form });
const firstContact = () => [...sandbox.state.contacts.values()][0];

describe('authorization code flow', () => {
	it('auto-approves the demo location and redirects back with the code and state', async () => {
		for (const page of ['/oauth/chooselocation', '/v2/oauth/chooselocation']) {
			const query = new URLSearchParams({
				response_type: 'code',
				client_id: DEMO.clientId,
				redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
				scope: 'contacts.readonly contacts.write',
				state: 'xyz 123',
			});
			const res = await fetch(`${sandbox.url}${page}?${query}`, { redirect: 'manual' });
			expect(res.status).toBe(302);
			const location = new URL(res.headers.get('location')!);
			expect(`${location.origin}${location.pathname}`).toBe('http://localhost:5678/rest/oauth2-credential/callback');
			expect(location.searchParams.get('state')).toBe('xyz 123');
			const code = location.searchParams.get('code')!;

			const token = await tokenCall({ ...client, grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback' });
			expect(token.status).toBe(200);
			expect(token.body).toMatchObject({
				token_type: 'Bearer',
				expires_in: 3600,
				scope: 'contacts.readonly contacts.write',
				userType: 'Location',
				locationId: DEMO.locationId,
				companyId: DEMO.companyId,
				userId: DEMO.userIds[0],
			});
			expect(typeof token.body.refresh_token).toBe('string');
			expect((await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token: token.body.access_token })).status).toBe(200);
			// The granted scopes are all the token has.
			expect((await call(sandbox, 'GET', `/locations/${DEMO.locationId}`, { token: token.body.access_token })).status).toBe(401);

			const reused = await tokenCall({ ...client, grant_type: 'authorization_code', code });
			expect(reused.status).toBe(400);
			expect(reused.body.error).toBe('invalid_grant');
		}
	});

	it('refuses an unknown client on the consent page and at the token endpoint', async () => {
		const page = await fetch(`${sandbox.url}/oauth/chooselocation?client_id=other&redirect_uri=http://localhost/cb`, { redirect: 'manual' });
		expect(page.status).toBe(400);
		const code = sandbox.issueAuthCode({ userType: 'Location' });
		const res = await tokenCall({ client_id: DEMO.clientId, client_secret: 'wrong', grant_type: 'authorization_code', code });
		expect(res.status).toBe(401);
		expect(res.body.error).toBe('invalid_client');
		// The code was not spent by the failed attempt.
		expect((await tokenCall({ ...client, grant_type: 'authorization_code', code })).status).toBe(200);
	});

	it('accepts client credentials in a Basic header and JSON bodies', async () => {
		const code = sandbox.issueAuthCode({ userType: 'Company' });
		const basic = Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64');
		const res = await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, headers: { Authorization: `Basic ${basic}` }, form: { grant_type: 'authorization_code', code } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ userType: 'Company', companyId: DEMO.companyId });
		expect(res.body.locationId).toBeUndefined();
		expect(res.body.approvedLocations).toEqual(expect.arrayContaining([DEMO.locationId, DEMO.otherLocationId]));
		const refresh = await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, json: { ...client, grant_type: 'refresh_token', refresh_token: res.body.refresh_token } });
		expect(refresh.status).toBe(200);
	});

	it('answers 422 for a token request without the required fields', async () => {
		const res = await tokenCall({ grant_type: 'refresh_token' });
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(expect.arrayContaining(['client_id should not be empty', 'client_secret should not be empty']));
	});
});

describe('refresh', () => {
	it('rotates the refresh token and refuses the used one', async () => {
		const first = sandbox.issueRefreshToken({ userType: 'Location' });
		const a = await tokenCall({ ...client, grant_type: 'refresh_token', refresh_token: first, user_type: 'Location' });
		expect(a.status).toBe(200);
		expect(a.body.refresh_token).not.toBe(first);
		expect(a.body.locationId).toBe(DEMO.locationId);

		const again = await tokenCall({ ...client, grant_type: 'refresh_token', refresh_token: first });
		expect(again.status).toBe(400);
		expect(again.body).toMatchObject({ error: 'invalid_grant' });
		expect(typeof again.body.error_description).toBe('string');

		const b = await tokenCall({ ...client, grant_type: 'refresh_token', refresh_token: a.body.refresh_token });
		expect(b.status).toBe(200);
		expect((await call(sandbox, 'GET', `/contacts/${firstContact().id}`, { token: b.body.access_token })).status).toBe(200);
		expect((await tokenCall({ ...client, grant_type: 'refresh_token', refresh_token: 'made-up' })).body.error).toBe('invalid_grant');
	});

	it('expires access tokens after their lifetime', async () => {
		let now = Date.UTC(2025, 0, 1);
		const timed = await startSandbox({ port: 0, seedContacts: 1, accessTokenTtlSec: 60, clock: () => now });
		try {
			const token = timed.issueToken({ userType: 'Location' });
			const contact = [...timed.state.contacts.values()][0];
			expect((await call(timed, 'GET', `/contacts/${contact.id}`, { token })).status).toBe(200);
			now += 61_000;
			expect((await call(timed, 'GET', `/contacts/${contact.id}`, { token })).status).toBe(401);
			expect((await call(timed, 'GET', `/contacts/${contact.id}`, { token: DEMO.locationPrivateToken })).status).toBe(200);
		} finally {
			await timed.close();
		}
	});
});

describe('location token', () => {
	it('mints a location token from a company token for a location of its company', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		const res = await call(sandbox, 'POST', '/oauth/locationToken', { token: company, form: { companyId: DEMO.companyId, locationId: DEMO.otherLocationId } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ token_type: 'Bearer', locationId: DEMO.otherLocationId, userId: DEMO.userIds[0] });
		expect(res.body.refresh_token).toBeUndefined();
		const tags = await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}/tags`, { token: res.body.access_token });
		expect(tags.status).toBe(200);
		expect((await call(sandbox, 'GET', `/locations/${DEMO.locationId}/tags`, { token: res.body.access_token })).status).toBe(403);
	});

	it('answers 400 for a location outside the company and refuses location tokens', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		const foreign = [...sandbox.state.locations.values()].find((l) => l.companyId !== DEMO.companyId)!;
		const outside = await call(sandbox, 'POST', '/oauth/locationToken', { token: company, form: { companyId: DEMO.companyId, locationId: foreign.id } });
		expect(outside.status).toBe(400);
		const unknown = await call(sandbox, 'POST', '/oauth/locationToken', { token: company, form: { companyId: DEMO.companyId, locationId: 'nope' } });
		expect(unknown.status).toBe(400);
		const missingVersion = await call(sandbox, 'POST', '/oauth/locationToken', { token: company, version: null, form: { companyId: DEMO.companyId, locationId: DEMO.locationId } });
		expect(missingVersion.status).toBe(401);
		const location = sandbox.issueToken({ userType: 'Location' });
		const wrongType = await call(sandbox, 'POST', '/oauth/locationToken', { token: location, form: { companyId: DEMO.companyId, locationId: DEMO.locationId } });
		expect(wrongType.status).toBe(401);
	});
});
