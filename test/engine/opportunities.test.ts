// Opportunities through the n8n engine against the sandbox: every operation, and a Return All over
// more than 1,000 records whose filter must hold on every page.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { run, ok } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 20, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

async function firstPipeline() {
	const pipelines = await ok('opportunity', 'listPipelines', { returnAll: true });
	expect(pipelines.length).toBeGreaterThan(0);
	return pipelines[0] as { id: string; stages: Array<{ id: string }> };
}

describe('Opportunity', () => {
	it('searches with Return All over 1,000+ records, keeping the status filter on every page', async () => {
		const all = await ok('opportunity', 'search', { returnAll: true });
		expect(all.length).toBeGreaterThan(1_000);
		expect(new Set(all.map((o) => o.id)).size).toBe(all.length);

		sandbox.reset();
		const open = await ok('opportunity', 'search', { returnAll: true, filters: { status: 'open' } });
		expect(open.length).toBeGreaterThan(100);
		expect(open.every((o) => o.status === 'open')).toBe(true);
		expect(open.length).toBe(all.filter((o) => o.status === 'open').length);
		const pages = apiRequests(sandbox);
		expect(pages.length).toBeGreaterThan(1);
		for (const page of pages) expect(page.query).toMatchObject({ location_id: DEMO.locationId, status: 'open', limit: '100' });
	});

	it('creates, gets, updates, marks won, upserts, follows and deletes an opportunity', async () => {
		const pipeline = await firstPipeline();
		const contactId = [...sandbox.state.contacts.values()][0].id;
		const [created] = await ok('opportunity', 'create', {
			pipelineId: pipeline.id,
			pipelineStageId: pipeline.stages[0].id,
			name: 'Implant package',
			status: 'open',
			contactId: byId(contactId),
			additionalFields: { monetaryValue: 4200.5, assignedTo: DEMO.userIds[1] },
		});
		expect(created).toMatchObject({ name: 'Implant package', monetaryValue: 4200.5, pipelineId: pipeline.id, contactId });
		const id = String(created.id);

		const [got] = await ok('opportunity', 'get', { opportunityId: byId(id), simplify: true });
		expect(Object.keys(got).sort()).toEqual(expect.arrayContaining(['id', 'name', 'status']));

		const [updated] = await ok('opportunity', 'update', { opportunityId: byId(id), updateFields: { pipelineStageId: pipeline.stages[1].id, monetaryValue: 5000 } });
		expect(updated).toMatchObject({ pipelineStageId: pipeline.stages[1].id, monetaryValue: 5000 });

		const [won] = await ok('opportunity', 'updateStatus', { opportunityId: byId(id), status: 'won' });
		expect(won).toEqual({ success: true, id });
		expect((await ok('opportunity', 'get', { opportunityId: byId(id) }))[0].status).toBe('won');

		const [upserted] = await ok('opportunity', 'upsert', { pipelineId: pipeline.id, additionalFields: { id, name: 'Implant package (renewed)' } });
		expect(upserted).toMatchObject({ id, name: 'Implant package (renewed)', new: false });

		const [followed] = await ok('opportunity', 'addFollowers', { opportunityId: byId(id), followers: [DEMO.userIds[2]] });
		expect(followed.followers).toContain(DEMO.userIds[2]);
		const [unfollowed] = await ok('opportunity', 'removeFollowers', { opportunityId: byId(id), followers: [DEMO.userIds[2]] });
		expect(unfollowed.followers ?? []).not.toContain(DEMO.userIds[2]);

		const [deleted] = await ok('opportunity', 'delete', { opportunityId: byId(id) });
		expect(deleted).toEqual({ success: true, id });
		expect((await run('opportunity', 'get', { opportunityId: byId(id) })).error?.message).toMatch(/\[404\]/);
	});

	it('writes an opportunity custom field by name and reads it back by name', async () => {
		const pipeline = await firstPipeline();
		const field = [...sandbox.state.customFields.values()].find((f) => f.model === 'opportunity' && f.locationId === DEMO.locationId)!;
		const [created] = await ok('opportunity', 'create', {
			pipelineId: pipeline.id,
			name: 'Whitening',
			status: 'open',
			contactId: byId([...sandbox.state.contacts.values()][1].id),
			customFields: { field: [{ id: field.name, value: 'Referral' }] },
			customFieldsByName: true,
		});
		expect(created.customFields).toEqual({ [field.name]: 'Referral' });
		const [read] = await ok('opportunity', 'get', { opportunityId: byId(String(created.id)), customFieldsByName: true });
		expect(read.customFields).toEqual({ [field.name]: 'Referral' });
		const posted = apiRequests(sandbox).find((r) => r.method === 'POST')!;
		expect(posted.body).toMatchObject({ customFields: [{ id: field.id, field_value: 'Referral' }] });
	});

	it('refuses a stage of another pipeline with HighLevel’s message', async () => {
		const pipelines = await ok('opportunity', 'listPipelines', { returnAll: true });
		const [a, b] = pipelines as Array<{ id: string; stages: Array<{ id: string }> }>;
		const result = await run('opportunity', 'create', {
			pipelineId: a.id,
			pipelineStageId: b.stages[0].id,
			name: 'Wrong stage',
			status: 'open',
			contactId: byId([...sandbox.state.contacts.values()][0].id),
		});
		expect(result.error?.message).toMatch(/\[4\d\d\]/);
	});

	it('names missing required parameters before sending anything', async () => {
		const noName = await run('opportunity', 'create', { pipelineId: 'abcdefghij0123456789', name: '={{ "" }}', status: 'open', contactId: byId('abcdefghij0123456789') });
		expect(noName.error?.message).toMatch(/^Name: this parameter is required/);
		const noFollowers = await run('opportunity', 'addFollowers', { opportunityId: byId('abcdefghij0123456789'), followers: '={{ [] }}' });
		expect(noFollowers.error?.message).toMatch(/^Follower Names or IDs: this parameter is required/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
