// Bad input fails before any request, naming the parameter; API errors carry HighLevel's message;
// no token or secret ever reaches an item or an error.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, oauthCredential, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('bad input', () => {
	// A required parameter left empty in the editor is refused by n8n itself before the run; one
	// that an expression resolves to nothing reaches the node, which must refuse it.
	it.each([
		['a contact id that resolves to nothing', 'get', { contactId: byId('={{$json.missing}}') }, /Contact: this parameter is required/],
		['an id that climbs the path', 'get', { contactId: byId('={{ "../locations" }}') }, /Contact: "\.\.\/locations" is not a valid ID/],
		['an id of two dots', 'delete', { contactId: byId('={{ ".." }}') }, /Contact: "\.\." is not a valid ID/],
		['an invalid email', 'create', { email: 'not-an-email' }, /Email: "not-an-email" is not a valid email address/],
		['an invalid phone in a collection', 'update', { contactId: byId('abc123'), updateFields: { phone: 'call me' } }, /Phone: "call me" is not a valid phone number/],
		['filters that are not JSON', 'search', { filters: '[{oops' }, /Filters \(JSON\): is not valid JSON/],
	])('rejects %s before sending anything', async (_what, operation, parameters, message) => {
		const result = await runContact(sandbox, operation, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.constructor.name).toBe('NodeOperationError');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('gives one error item per failed input with continue-on-fail', async () => {
		const good = [...sandbox.state.contacts.values()][0].id;
		const result = await runContact(
			sandbox,
			'get',
			{ contactId: byId('={{$json.id}}') },
			{ continueOnFail: true, inputItems: [{ json: { id: good } }, { json: { id: '../x' } }, { json: { id: 'doesNotExist1234567' } }] },
		);
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBe(good);
		expect(result.items[1].json.error).toMatch(/not a valid ID/);
		expect(result.items[2].json).toMatchObject({ httpCode: '404' });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(apiRequests(sandbox)).toHaveLength(2);
	});
});

describe('API errors and secrets', () => {
	it('reports HighLevel 422 messages with the status', async () => {
		const existing = [...sandbox.state.contacts.values()].find((c) => c.email)!;
		const duplicate = await runContact(sandbox, 'create', { email: existing.email });
		expect(duplicate.error?.message).toMatch(/does not allow duplicated contacts.*\[400\]/);
	});

	it('never puts a token or secret in items, errors or the request log', async () => {
		const tokenOptions = { userType: 'Location' as const, locationId: DEMO.locationId, companyId: DEMO.companyId };
		const access = sandbox.issueToken(tokenOptions);
		const refresh = sandbox.issueRefreshToken(tokenOptions);
		const credential = oauthCredential(sandbox, { access_token: access, refresh_token: refresh, ...tokenOptions });
		const runs = [
			await runContact(sandbox, 'get', { contactId: byId([...sandbox.state.contacts.values()][0].id) }, { credential }),
			await runContact(sandbox, 'get', { contactId: byId('missing0000000000000') }, { credential }),
			await runContact(sandbox, 'create', { email: 'x@example.com' }, { credential: { ...credential, data: { ...credential.data, oauthTokenData: { access_token: 'wrong-access-token-123', refresh_token: 'wrong-refresh-456' } } } }),
			await runContact(sandbox, 'get', { contactId: byId('missing0000000000000') }, { continueOnFail: true }),
		];
		const secrets = [access, refresh, DEMO.clientSecret, DEMO.locationPrivateToken, 'wrong-access-token-123', 'wrong-refresh-456'];
		const seen = JSON.stringify(
			runs.map((r) => ({ items: r.items, error: r.error && { message: r.error.message, description: r.error.description, cause: (r.error as { cause?: unknown }).cause, context: r.error.context, errorResponse: (r.error as { errorResponse?: unknown }).errorResponse } })),
		) + JSON.stringify(sandbox.requests);
		for (const secret of secrets) expect(seen).not.toContain(secret);
		expect(runs[2].error).toBeDefined();
	});
});
