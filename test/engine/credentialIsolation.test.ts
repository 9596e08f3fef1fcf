// Location tokens minted from agency credentials belong to the credential that minted them: two
// credentials in one n8n process never share one, and a location token HighLevel refuses is
// exchanged again once.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { byId, oauthCredential, runContact } from './fixtures';

const agency = { userType: 'Company' as const, companyId: DEMO.companyId };
const YEARS = 50 * 365 * 24 * 3600;

function agencyCredential(sandbox: Sandbox, scopes?: string[]) {
	return oauthCredential(sandbox, {
		access_token: sandbox.issueToken({ ...agency, scopes, ttlSec: YEARS }),
		refresh_token: sandbox.issueRefreshToken({ ...agency, scopes }),
		...agency,
	});
}

const atDemoLocation = { location: byId(DEMO.locationId) };
const log = (sandbox: Sandbox) => sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

describe('location tokens of two credentials in one process', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seedContacts: 3 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const created = (email: string) => [...sandbox.state.contacts.values()].filter((c) => c.email === email);

	it('a narrower-scope credential gets HighLevel\'s scope error, not the other credential\'s rights', async () => {
		const full = await runContact(sandbox, 'create', { email: 'full@example.com', ...atDemoLocation }, { credential: agencyCredential(sandbox) });
		expect(full.error).toBeUndefined();
		sandbox.requests.length = 0;

		const narrow = agencyCredential(sandbox, ['oauth.write', 'oauth.readonly', 'contacts.readonly']);
		const result = await runContact(sandbox, 'create', { email: 'narrow@example.com', ...atDemoLocation }, { credential: narrow });
		expect(result.error?.message).toMatch(/not authorized for this scope/);
		expect(result.error?.description).toContain('contacts.write');
		expect(created('narrow@example.com')).toHaveLength(0);
		// It minted its own location token instead of reusing the full credential's.
		expect(log(sandbox)).toEqual(['POST /oauth/locationToken 200', 'POST /contacts/ 401']);
	});

	it('a credential with a garbage token acts with nothing: it fails on its own token', async () => {
		expect((await runContact(sandbox, 'create', { email: 'full2@example.com', ...atDemoLocation }, { credential: agencyCredential(sandbox) })).error).toBeUndefined();
		sandbox.requests.length = 0;

		const garbage = oauthCredential(sandbox, { access_token: 'garbage-access-token-1', refresh_token: 'garbage-refresh-token-1', ...agency });
		const result = await runContact(sandbox, 'create', { email: 'garbage@example.com', ...atDemoLocation }, { credential: garbage });
		expect(result.error?.message).toMatch(/HighLevel refused to refresh the OAuth2 token/);
		expect(result.error?.description).toMatch(/Reconnect the credential/);
		expect(created('garbage@example.com')).toHaveLength(0);
		// HighLevel refused its token (401) and its refresh (400); no API request was made at all.
		expect(log(sandbox)).toEqual(['POST /oauth/locationToken 401', 'POST /oauth/token 400']);
	});

	it('one credential still mints one location token for many items', async () => {
		const credential = agencyCredential(sandbox);
		const ids = [...sandbox.state.contacts.values()].map((c) => c.id);
		const first = await runContact(sandbox, 'get', { contactId: byId('={{$json.id}}'), ...atDemoLocation }, { credential, inputItems: ids.map((id) => ({ json: { id } })) });
		const second = await runContact(sandbox, 'get', { contactId: byId(ids[0]), ...atDemoLocation }, { credential });
		expect(first.error ?? second.error).toBeUndefined();
		expect(sandbox.requests.filter((r) => r.path === '/oauth/locationToken')).toHaveLength(1);
	});
});

describe('a location token HighLevel refuses', () => {
	// The sandbox's clock jumps ahead on demand, so HighLevel sees a location token as dead while
	// n8n's process still holds it as valid (as after a revocation or an app reinstall).
	let sandbox: Sandbox;
	let now = Date.now();
	let jumpPerCall = 0;
	beforeAll(async () => {
		sandbox = await startSandbox({
			port: 0,
			seedContacts: 3,
			clock: () => {
				now += jumpPerCall;
				return now;
			},
		});
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		jumpPerCall = 0;
		sandbox.reset();
	});

	const contactId = () => [...sandbox.state.contacts.values()][0].id;

	it('is exchanged again once and the run succeeds', async () => {
		const credential = agencyCredential(sandbox);
		expect((await runContact(sandbox, 'get', { contactId: byId(contactId()), ...atDemoLocation }, { credential })).error).toBeUndefined();
		now += 2 * 24 * 3600 * 1000; // the cached location token is dead for HighLevel
		sandbox.requests.length = 0;

		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()), ...atDemoLocation }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(contactId());
		expect(log(sandbox)).toEqual([`GET /contacts/${contactId()} 401`, 'POST /oauth/locationToken 200', `GET /contacts/${contactId()} 200`]);
	});

	it('refused again after the fresh exchange, the error says what to do', async () => {
		const credential = agencyCredential(sandbox);
		jumpPerCall = 2 * 24 * 3600 * 1000; // every location token is dead by the time it is used
		const result = await runContact(sandbox, 'get', { contactId: byId(contactId()), ...atDemoLocation }, { credential });
		expect(result.error?.message).toMatch(/Invalid JWT \[401\]/);
		expect(result.error?.description).toMatch(/refused the location token .* again after a fresh exchange.*Reinstall the app/);
		expect(log(sandbox)).toEqual([
			'POST /oauth/locationToken 200',
			`GET /contacts/${contactId()} 401`,
			'POST /oauth/locationToken 200',
			`GET /contacts/${contactId()} 401`,
		]);
	});
});
