// Users, businesses, workflows and campaigns through the n8n engine against the sandbox.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, privateToken } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { run, ok } = operations(() => sandbox);
const agency = () => ({ credential: privateToken(sandbox, { token: DEMO.agencyPrivateToken, locationId: '' }) });

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 20 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('User', () => {
	it('searches, gets, creates, updates and deletes users', async () => {
		const found = await ok('user', 'search', { companyId: DEMO.companyId, returnAll: true });
		expect(found.length).toBeGreaterThan(0);
		expect(apiRequests(sandbox)[0].query).toMatchObject({ companyId: DEMO.companyId });
		const [got] = await ok('user', 'get', { userId: byId(String(found[0].id)) });
		expect(got.id).toBe(found[0].id);

		const [created] = await ok('user', 'create', {
			companyId: DEMO.companyId,
			firstName: 'Nora',
			lastName: 'Nightingale',
			email: 'nora@example.com',
			password: 'S3cure-pass!',
			type: 'account',
			role: 'user',
			locationIds: DEMO.locationId,
		});
		expect(created).toMatchObject({ firstName: 'Nora', email: 'nora@example.com' });
		expect(JSON.stringify(created)).not.toContain('S3cure-pass!');
		const [updated] = await ok('user', 'update', { userId: byId(String(created.id)), updateFields: { lastName: 'Lark' } });
		expect(updated).toMatchObject({ lastName: 'Lark' });
		const [deleted] = await ok('user', 'delete', { userId: byId(String(created.id)) });
		expect(deleted).toEqual({ success: true, userId: created.id });
	});

	it('lists users of a location with the deprecated endpoint', async () => {
		const users = await ok('user', 'listByLocation', { returnAll: true });
		expect(users.length).toBeGreaterThan(0);
		expect(apiRequests(sandbox)[0]).toMatchObject({ path: '/users/', query: { locationId: DEMO.locationId } });
	});

	it('filters agency users by email with an agency token, and refuses a location token before sending', async () => {
		const someone = (await ok('user', 'search', { companyId: DEMO.companyId, returnAll: true }))[0];
		sandbox.reset();
		const matched = await ok('user', 'filterByEmail', { companyId: DEMO.companyId, emails: String(someone.email) }, agency());
		expect(matched.map((u) => u.id)).toContain(someone.id);

		sandbox.reset();
		const refused = await run('user', 'filterByEmail', { emails: 'x@example.com' });
		expect(refused.error?.message).toMatch(/needs an agency \(Company\) token/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Business', () => {
	it('creates, gets, lists, updates, links contacts to and deletes a business', async () => {
		const [created] = await ok('business', 'create', { name: 'Acme Dental Supplies', additionalFields: { city: 'Porto', website: 'https://acme.example' } });
		expect(created).toMatchObject({ name: 'Acme Dental Supplies', city: 'Porto' });
		const businessId = String(created.id);
		const [got] = await ok('business', 'get', { businessId: byId(businessId) });
		expect(got.id).toBe(businessId);
		const all = await ok('business', 'getAll', { returnAll: true });
		expect(all.map((b) => b.id)).toContain(businessId);
		const [updated] = await ok('business', 'update', { businessId: byId(businessId), updateFields: { name: 'Acme Supplies' } });
		expect(updated).toMatchObject({ name: 'Acme Supplies' });

		const ids = [...sandbox.state.contacts.values()].slice(0, 3).map((c) => c.id);
		await ok('business', 'bulkUpdateContacts', { action: 'add', businessId: byId(businessId), ids: ids.join(',') });
		for (const id of ids) expect(sandbox.state.contacts.get(id)!.businessId).toBe(businessId);
		const linked = await ok('contact', 'getManyByBusiness', { businessId: byId(businessId), returnAll: true });
		expect(linked.map((c) => c.id).sort()).toEqual([...ids].sort());
		await ok('business', 'bulkUpdateContacts', { action: 'remove', ids });
		for (const id of ids) expect(sandbox.state.contacts.get(id)!.businessId ?? null).toBeNull();
		expect(apiRequests(sandbox).at(-1)!.body).toMatchObject({ businessId: null, ids, locationId: DEMO.locationId });

		const [deleted] = await ok('business', 'delete', { businessId: byId(businessId) });
		expect(deleted).toEqual({ success: true, businessId });
	});
});

describe('Workflow & Campaign', () => {
	it('lists workflows and campaigns, enrols a contact in a workflow and removes it', async () => {
		const workflows = await ok('automation', 'listWorkflows', { returnAll: true });
		const campaigns = await ok('automation', 'listCampaigns', { returnAll: true });
		expect(workflows.length).toBeGreaterThan(0);
		expect(campaigns.length).toBeGreaterThan(0);

		const contactId = [...sandbox.state.contacts.values()][0].id;
		const workflowId = String(workflows[0].id);
		const [added] = await ok('contact', 'addToWorkflow', { contactId: byId(contactId), workflowId: byId(workflowId), eventStartTime: '2030-03-01T10:00:00Z' });
		expect(added).toEqual({ success: true, contactId, workflowId });
		expect(apiRequests(sandbox).at(-1)!.body).toEqual({ eventStartTime: '2030-03-01T10:00:00.000Z' });
		const [removed] = await ok('contact', 'removeFromWorkflow', { contactId: byId(contactId), workflowId: byId(workflowId) });
		expect(removed).toEqual({ success: true, contactId, workflowId });
	});

	it('adds and removes contact followers', async () => {
		const contactId = [...sandbox.state.contacts.values()][0].id;
		const [added] = await ok('contact', 'addFollowers', { contactId: byId(contactId), followers: [DEMO.userIds[1], DEMO.userIds[2]] });
		expect(added.followers ?? added.followersAdded).toEqual(expect.arrayContaining([DEMO.userIds[1]]));
		await ok('contact', 'removeFollowers', { contactId: byId(contactId), followers: [DEMO.userIds[1]] });
		expect(apiRequests(sandbox).at(-1)).toMatchObject({ method: 'DELETE', body: { followers: [DEMO.userIds[1]] } });
	});

	it('lists agency snapshots with an agency token only', async () => {
		const snapshots = await ok('snapshot', 'listSnapshots', { companyId: DEMO.companyId, returnAll: true }, agency());
		expect(snapshots.length).toBeGreaterThan(0);
		sandbox.reset();
		const refused = await run('snapshot', 'listSnapshots', { returnAll: true });
		expect(refused.error?.message).toMatch(/agency \(Company\) token/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
