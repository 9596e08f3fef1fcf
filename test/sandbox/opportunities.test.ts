// Opportunities: pipelines, cursor search over the 1,200 seeded, CRUD, status, upsert, followers.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import type { Opportunity, Pipeline } from '../../sandbox/domains/opportunities/state';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;
let pipelines: Pipeline[];

const opps = () => [...sandbox.state.opportunities.values()].filter((o) => o.locationId === DEMO.locationId);
const ms = (iso: string) => Date.parse(iso);
/** Search order: createdAt desc, then id asc. */
const searchOrder = (a: Opportunity, b: Opportunity) => ms(b.createdAt) - ms(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30 });
	pipelines = [...sandbox.state.pipelines.values()].filter((p) => p.locationId === DEMO.locationId);
});
afterAll(async () => await sandbox.close());

/** Follows meta.startAfter/startAfterId with the same filters until the last page. */
async function allPages(filters: string, limit: number) {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies, checked field by field
	const pages: any[] = [];
	let cursor = '';
	for (let guard = 0; guard < 200; guard++) {
		const res = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&limit=${limit}${filters}${cursor}`);
		expect(res.status).toBe(200);
		pages.push(res.body);
		if (res.body.meta.startAfterId === null) break;
		cursor = `&startAfter=${res.body.meta.startAfter}&startAfterId=${res.body.meta.startAfterId}`;
	}
	return pages;
}

describe('seed', () => {
	it('has 2 pipelines with 4 stages and 1,200 opportunities over stages, statuses, contacts and users', () => {
		expect(pipelines).toHaveLength(2);
		for (const p of pipelines) {
			expect(p.stages.map((s) => s.position)).toEqual([0, 1, 2, 3]);
			for (const s of p.stages) expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		}
		const all = opps();
		expect(all).toHaveLength(1200);
		expect(new Set(all.map((o) => o.status))).toEqual(new Set(['open', 'won', 'lost', 'abandoned']));
		expect(new Set(all.map((o) => o.pipelineId))).toEqual(new Set(pipelines.map((p) => p.id)));
		expect(new Set(all.map((o) => o.pipelineStageId)).size).toBe(8);
		const contactIds = new Set(demoContacts(sandbox).map((c) => c.id));
		for (const o of all) {
			expect(contactIds.has(o.contactId!)).toBe(true);
			const p = sandbox.state.pipelines.get(o.pipelineId)!;
			expect(p.stages.some((s) => s.id === o.pipelineStageId)).toBe(true);
		}
		expect(new Set(all.map((o) => o.assignedTo).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
		expect(all.some((o) => o.customFields.length > 0)).toBe(true);
	});

	it('is deterministic', async () => {
		const other = await startSandbox({ port: 0, seedContacts: 30 });
		try {
			expect([...other.state.opportunities.keys()]).toEqual(opps().map((o) => o.id));
			expect([...other.state.pipelines.keys()]).toEqual(pipelines.map((p) => p.id));
		} finally {
			await other.close();
		}
	});

	it('lists the two opportunity custom fields', async () => {
		const res = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields?model=opportunity`);
		expect(res.status).toBe(200);
		expect(res.body.customFields.map((f: { fieldKey: string; model: string }) => [f.fieldKey, f.model])).toEqual([
			['opportunity.deal_source', 'opportunity'],
			['opportunity.expected_close', 'opportunity'],
		]);
	});
});

describe('GET /opportunities/pipelines', () => {
	it('answers the pipelines with their stages', async () => {
		const res = await call(sandbox, 'GET', `/opportunities/pipelines?locationId=${DEMO.locationId}`);
		expect(res.status).toBe(200);
		expect(res.body.traceId).toEqual(expect.any(String));
		expect(res.body.pipelines.map((p: { name: string }) => p.name)).toEqual(['New Patient Pipeline', 'Treatment Plans']);
		expect(res.body.pipelines[0]).toEqual({
			id: pipelines[0].id,
			name: 'New Patient Pipeline',
			stages: pipelines[0].stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
			showInFunnel: true,
			showInPieChart: true,
			locationId: DEMO.locationId,
		});
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		expect((await call(sandbox, 'GET', `/opportunities/pipelines?locationId=${DEMO.otherLocationId}`, { token: other })).body.pipelines).toEqual([]);
		expect((await call(sandbox, 'GET', `/opportunities/pipelines?locationId=${DEMO.otherLocationId}`)).status).toBe(403);
	});
});

describe('GET /opportunities/search', () => {
	it('answers the first page newest first with meta and aggregations', async () => {
		const res = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}`);
		expect(res.status).toBe(200);
		const expected = opps().sort(searchOrder).slice(0, 20);
		expect(res.body.opportunities.map((o: { id: string }) => o.id)).toEqual(expected.map((o) => o.id));
		const first = res.body.opportunities[0];
		expect(first).toMatchObject({
			id: expected[0].id,
			name: expected[0].name,
			monetaryValue: expected[0].monetaryValue,
			pipelineId: expected[0].pipelineId,
			pipelineStageId: expected[0].pipelineStageId,
			status: expected[0].status,
			contactId: expected[0].contactId,
			locationId: DEMO.locationId,
			createdAt: expected[0].createdAt,
			contact: { id: expected[0].contactId, name: expect.any(String), tags: expect.any(Array) },
			customFields: expected[0].customFields,
			followers: expected[0].followers,
		});
		expect(res.body.meta).toMatchObject({
			total: 1200,
			startAfterId: expected[19].id,
			startAfter: ms(expected[19].createdAt),
			currentPage: 1,
			nextPage: 2,
			prevPage: null,
		});
		expect(res.body.meta.nextPageUrl).toContain(`startAfterId=${expected[19].id}`);
		expect(res.body.aggregations).toEqual({});
	});

	it('pages through all 1,200 with the cursor: no overlap, none missed, cursor null on the last page', async () => {
		const pages = await allPages('', 100);
		expect(pages).toHaveLength(12);
		const ids = pages.flatMap((p) => p.opportunities.map((o: { id: string }) => o.id));
		expect(ids).toHaveLength(1200);
		expect(new Set(ids).size).toBe(1200);
		expect(ids).toEqual(opps().sort(searchOrder).map((o) => o.id));
		const last = pages[pages.length - 1].meta;
		expect(last).toMatchObject({ total: 1200, nextPageUrl: null, startAfterId: null, startAfter: null, nextPage: null, currentPage: 12, prevPage: 11 });
	});

	it('keeps every filter on every page (status + pipeline, stage, owner, contact, text)', async () => {
		const [p0] = pipelines;
		const wonInP0 = opps().filter((o) => o.status === 'won' && o.pipelineId === p0.id).sort(searchOrder);
		expect(wonInP0.length).toBeGreaterThan(60);
		const pages = await allPages(`&status=won&pipeline_id=${p0.id}`, 25);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		for (const page of pages) {
			expect(page.meta.total).toBe(wonInP0.length);
			for (const o of page.opportunities) expect([o.status, o.pipelineId]).toEqual(['won', p0.id]);
		}
		expect(pages.flatMap((p) => p.opportunities.map((o: { id: string }) => o.id))).toEqual(wonInP0.map((o) => o.id));

		const stage = p0.stages[2];
		const owner = DEMO.userIds[2];
		const staged = opps().filter((o) => o.pipelineStageId === stage.id && o.assignedTo === owner);
		const stagedPages = await allPages(`&pipeline_stage_id=${stage.id}&assigned_to=${owner}&status=all`, 10);
		const stagedIds = stagedPages.flatMap((p) => p.opportunities.map((o: { id: string; pipelineStageId: string; assignedTo: string }) => {
			expect([o.pipelineStageId, o.assignedTo]).toEqual([stage.id, owner]);
			return o.id;
		}));
		expect(stagedIds.sort()).toEqual(staged.map((o) => o.id).sort());

		const contactId = opps()[0].contactId!;
		const ofContact = opps().filter((o) => o.contactId === contactId);
		const contactPages = await allPages(`&contact_id=${contactId}`, 5);
		expect(contactPages.length).toBeGreaterThanOrEqual(2);
		expect(contactPages.flatMap((p) => p.opportunities.map((o: { contactId: string }) => o.contactId))).toEqual(ofContact.map(() => contactId));

		const text = await allPages('&q=implants', 50);
		const textIds = text.flatMap((p) => p.opportunities.map((o: { name: string; id: string }) => o.id));
		expect(textIds.length).toBeGreaterThan(50);
		expect(textIds.sort()).toEqual(opps().filter((o) => o.name.toLowerCase().includes('implants')).map((o) => o.id).sort());
	});

	it('follows nextPageUrl with the filters in it', async () => {
		const first = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&status=lost&limit=10`);
		const url = new URL(first.body.meta.nextPageUrl);
		expect(url.searchParams.get('status')).toBe('lost');
		const second = await call(sandbox, 'GET', `${url.pathname}${url.search}`);
		expect(second.status).toBe(200);
		expect(second.body.meta.currentPage).toBe(2);
		expect(second.body.opportunities.every((o: { status: string }) => o.status === 'lost')).toBe(true);
		const firstIds = new Set(first.body.opportunities.map((o: { id: string }) => o.id));
		expect(second.body.opportunities.some((o: { id: string }) => firstIds.has(o.id))).toBe(false);
	});

	it('supports page numbers, added_asc and the id filter', async () => {
		const sorted = opps().sort(searchOrder);
		const page3 = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&limit=7&page=3`);
		expect(page3.body.opportunities.map((o: { id: string }) => o.id)).toEqual(sorted.slice(14, 21).map((o) => o.id));
		expect(page3.body.meta).toMatchObject({ currentPage: 3, prevPage: 2, nextPage: 4 });
		const asc = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&order=added_asc&limit=3`);
		const oldest = [...sorted].sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || (a.id < b.id ? -1 : 1));
		expect(asc.body.opportunities.map((o: { id: string }) => o.id)).toEqual(oldest.slice(0, 3).map((o) => o.id));
		const one = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&id=${sorted[500].id}`);
		expect(one.body.opportunities.map((o: { id: string }) => o.id)).toEqual([sorted[500].id]);
	});

	it('refuses bad input: limit over 100, missing location_id, another location', async () => {
		const tooMany = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&limit=101`);
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.message).toEqual(['limit must not be greater than 100']);
		const missing = await call(sandbox, 'GET', '/opportunities/search');
		expect(missing.status).toBe(422);
		expect(missing.body.message).toContain('location_id should not be empty');
		expect((await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.otherLocationId}`)).status).toBe(403);
		const status = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}&status=closed`);
		expect(status.status).toBe(422);
	});
});

describe('single opportunity routes', () => {
	const contact = () => demoContacts(sandbox)[3];

	it('gets one by id; unknown ids are 404', async () => {
		const o = opps()[10];
		const res = await call(sandbox, 'GET', `/opportunities/${o.id}`);
		expect(res.status).toBe(200);
		expect(res.body.opportunity).toMatchObject({ id: o.id, name: o.name, pipelineId: o.pipelineId, status: o.status });
		const missing = await call(sandbox, 'GET', '/opportunities/missingOpportunity01');
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Opportunity not found', error: 'Not Found', traceId: expect.any(String) });
	});

	it('creates one (201) in a stage of the pipeline, with custom fields', async () => {
		const [p0] = pipelines;
		const [dealSource] = [...sandbox.state.customFields.values()].filter((f) => f.model === 'opportunity' && f.locationId === DEMO.locationId);
		const res = await call(sandbox, 'POST', '/opportunities/', {
			json: {
				locationId: DEMO.locationId, pipelineId: p0.id, pipelineStageId: p0.stages[1].id, name: 'Brand new deal', status: 'open',
				contactId: contact().id, monetaryValue: 1234.5, assignedTo: DEMO.userIds[1],
				customFields: [{ id: dealSource.id, field_value: 'Referral' }, { id: 'unknownField00000001', field_value: 'x' }],
			},
		});
		expect(res.status).toBe(201);
		expect(res.body.opportunity).toMatchObject({
			name: 'Brand new deal', pipelineId: p0.id, pipelineStageId: p0.stages[1].id, status: 'open', monetaryValue: 1234.5,
			assignedTo: DEMO.userIds[1], contactId: contact().id, locationId: DEMO.locationId,
			contact: { id: contact().id }, customFields: [{ id: dealSource.id, fieldValue: 'Referral' }], followers: [],
		});
		const stored = sandbox.state.opportunities.get(res.body.opportunity.id)!;
		expect(stored.customFields).toEqual([{ id: dealSource.id, fieldValue: 'Referral' }]);
		expect(stored.createdAt).toBe(res.body.opportunity.createdAt);

		const noStage = await call(sandbox, 'POST', '/opportunities/', {
			json: { locationId: DEMO.locationId, pipelineId: p0.id, name: 'Defaults to the first stage', status: 'won', contactId: contact().id },
		});
		expect(noStage.body.opportunity).toMatchObject({ pipelineStageId: p0.stages[0].id, monetaryValue: 0, status: 'won' });
	});

	it('refuses a stage of another pipeline, an unknown contact or pipeline', async () => {
		const [p0, p1] = pipelines;
		const base = { locationId: DEMO.locationId, pipelineId: p0.id, name: 'Wrong', status: 'open', contactId: contact().id };
		const before = sandbox.state.opportunities.size;
		const wrongStage = await call(sandbox, 'POST', '/opportunities/', { json: { ...base, pipelineStageId: p1.stages[0].id } });
		expect(wrongStage.status).toBe(400);
		expect(wrongStage.body.message).toBe(`Pipeline stage ${p1.stages[0].id} does not belong to pipeline ${p0.id} (New Patient Pipeline)`);
		const noContact = await call(sandbox, 'POST', '/opportunities/', { json: { ...base, contactId: 'missingContact000001' } });
		expect(noContact.status).toBe(400);
		expect(noContact.body.message).toContain('Contact missingContact000001 not found');
		const noPipeline = await call(sandbox, 'POST', '/opportunities/', { json: { ...base, pipelineId: 'missingPipeline00001' } });
		expect(noPipeline.status).toBe(400);
		const missingFields = await call(sandbox, 'POST', '/opportunities/', { json: { locationId: DEMO.locationId, pipelineId: p0.id } });
		expect(missingFields.status).toBe(422);
		expect(missingFields.body.message).toEqual(expect.arrayContaining(['name should not be empty', 'status should not be empty', 'contactId should not be empty']));
		expect(sandbox.state.opportunities.size).toBe(before);
	});

	it('updates only the fields given; the stage rule applies', async () => {
		const [p0, p1] = pipelines;
		const o = opps().find((x) => x.pipelineId === p0.id && x.customFields.length === 0)!;
		const [dealSource, expectedClose] = [...sandbox.state.customFields.values()].filter((f) => f.model === 'opportunity' && f.locationId === DEMO.locationId);
		const res = await call(sandbox, 'PUT', `/opportunities/${o.id}`, {
			json: { name: 'Renamed', customFields: [{ id: dealSource.id, field_value: 'Website' }, { key: 'expected_close', field_value: '2026-01-31' }] },
		});
		expect(res.status).toBe(200);
		expect(res.body.opportunity).toMatchObject({ id: o.id, name: 'Renamed', status: o.status, pipelineId: o.pipelineId, pipelineStageId: o.pipelineStageId, monetaryValue: o.monetaryValue });
		let stored = sandbox.state.opportunities.get(o.id)!;
		expect(stored.customFields).toEqual([{ id: dealSource.id, fieldValue: 'Website' }, { id: expectedClose.id, fieldValue: '2026-01-31' }]);
		expect(stored.updatedAt > o.updatedAt).toBe(true);

		const cleared = await call(sandbox, 'PUT', `/opportunities/${o.id}`, { json: { customFields: [{ id: dealSource.id, field_value: '' }] } });
		expect(cleared.body.opportunity.customFields).toEqual([{ id: expectedClose.id, fieldValue: '2026-01-31' }]);

		const wrong = await call(sandbox, 'PUT', `/opportunities/${o.id}`, { json: { pipelineStageId: p1.stages[2].id } });
		expect(wrong.status).toBe(400);
		expect(wrong.body.message).toContain('does not belong to pipeline');

		const moved = await call(sandbox, 'PUT', `/opportunities/${o.id}`, { json: { pipelineId: p1.id, pipelineStageId: p1.stages[2].id, monetaryValue: 99 } });
		expect(moved.body.opportunity).toMatchObject({ pipelineId: p1.id, pipelineStageId: p1.stages[2].id, monetaryValue: 99, name: 'Renamed' });
		stored = sandbox.state.opportunities.get(o.id)!;
		expect(stored.lastStageChangeAt).toBe(stored.updatedAt);

		const back = await call(sandbox, 'PUT', `/opportunities/${o.id}`, { json: { pipelineId: p0.id } });
		expect(back.body.opportunity.pipelineStageId).toBe(p0.stages[0].id);
		expect((await call(sandbox, 'PUT', '/opportunities/missingOpportunity01', { json: { name: 'x' } })).status).toBe(404);
		expect((await call(sandbox, 'PUT', `/opportunities/${o.id}`, { json: { contactId: 'x' } })).status).toBe(422);
	});

	it('sets the status', async () => {
		const o = opps().find((x) => x.status === 'open')!;
		const res = await call(sandbox, 'PUT', `/opportunities/${o.id}/status`, { json: { status: 'lost', lostReasonId: 'lostReason0000000001' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ succeded: true });
		const stored = sandbox.state.opportunities.get(o.id)!;
		expect(stored).toMatchObject({ status: 'lost', lostReasonId: 'lostReason0000000001' });
		expect(stored.lastStatusChangeAt).toBe(stored.updatedAt);
		expect((await call(sandbox, 'PUT', `/opportunities/${o.id}/status`, { json: { status: 'all' } })).status).toBe(422);
		expect((await call(sandbox, 'PUT', `/opportunities/${o.id}/status`, { json: {} })).status).toBe(422);
	});

	it('deletes', async () => {
		const o = opps()[42];
		const res = await call(sandbox, 'DELETE', `/opportunities/${o.id}`);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ succeded: true });
		expect(sandbox.state.opportunities.has(o.id)).toBe(false);
		expect((await call(sandbox, 'GET', `/opportunities/${o.id}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/opportunities/${o.id}`)).status).toBe(404);
	});

	it('refuses a Company token and an opportunity of another location', async () => {
		const company = sandbox.issueToken({ userType: 'Company' });
		const res = await call(sandbox, 'GET', `/opportunities/search?location_id=${DEMO.locationId}`, { token: company });
		expect(res.status).toBe(401);
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		expect((await call(sandbox, 'GET', `/opportunities/${opps()[0].id}`, { token: other })).status).toBe(403);
	});
});

describe('POST /opportunities/upsert', () => {
	const followerDefaults = { followers: [], isRemoveAllFollowers: false, followersActionType: 'add' };

	it('updates the opportunity with the given id', async () => {
		const o = opps()[100];
		const res = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { ...followerDefaults, id: o.id, pipelineId: o.pipelineId, locationId: DEMO.locationId, name: 'Upserted by id', monetaryValue: 220 },
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ new: false, opportunity: { id: o.id, name: 'Upserted by id', monetaryValue: 220, status: o.status } });
		expect(sandbox.state.opportunities.get(o.id)!.name).toBe('Upserted by id');
		const missing = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { ...followerDefaults, id: 'missingOpportunity01', pipelineId: o.pipelineId, locationId: DEMO.locationId },
		});
		expect(missing.status).toBe(404);
	});

	it('matches by pipeline + contact, else creates', async () => {
		const [p0, p1] = pipelines;
		const o = opps().find((x) => x.pipelineId === p1.id)!;
		const before = sandbox.state.opportunities.size;
		const matched = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { ...followerDefaults, pipelineId: p1.id, locationId: DEMO.locationId, contactId: o.contactId, status: 'won' },
		});
		expect(matched.status).toBe(200);
		expect(matched.body.new).toBe(false);
		expect(matched.body.opportunity).toMatchObject({ pipelineId: p1.id, contactId: o.contactId, status: 'won' });
		expect(sandbox.state.opportunities.size).toBe(before);

		// A contact with no opportunity yet (created through the API).
		const created = await call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.locationId, firstName: 'Upsert', lastName: 'Target', email: 'upsert.target@example.com' } });
		const contactId = created.body.contact.id;
		const fresh = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { ...followerDefaults, followers: [DEMO.userIds[1]], pipelineId: p0.id, pipelineStageId: p0.stages[3].id, locationId: DEMO.locationId, contactId, monetaryValue: 500 },
		});
		expect(fresh.status).toBe(200);
		expect(fresh.body.new).toBe(true);
		expect(fresh.body.opportunity).toMatchObject({ name: 'Upsert Target', status: 'open', pipelineStageId: p0.stages[3].id, monetaryValue: 500, contactId, followers: [DEMO.userIds[1]] });
		expect(sandbox.state.opportunities.size).toBe(before + 1);
		const again = await call(sandbox, 'POST', '/opportunities/upsert', { json: { ...followerDefaults, pipelineId: p0.id, locationId: DEMO.locationId, contactId, name: 'Second time' } });
		expect(again.body).toMatchObject({ new: false, opportunity: { id: fresh.body.opportunity.id, name: 'Second time', followers: [DEMO.userIds[1]] } });
	});

	it('refuses what it cannot apply', async () => {
		const [p0, p1] = pipelines;
		const noContact = await call(sandbox, 'POST', '/opportunities/upsert', { json: { ...followerDefaults, pipelineId: p0.id, locationId: DEMO.locationId, name: 'Nobody' } });
		expect(noContact.status).toBe(400);
		expect(noContact.body.message).toContain('contactId is required');
		const noFollowers = await call(sandbox, 'POST', '/opportunities/upsert', { json: { pipelineId: p0.id, locationId: DEMO.locationId, contactId: demoContacts(sandbox)[0].id } });
		expect(noFollowers.status).toBe(422);
		expect(noFollowers.body.message).toEqual(['followers should not be empty', 'isRemoveAllFollowers should not be empty', 'followersActionType should not be empty']);
		const unknownKey = await call(sandbox, 'POST', '/opportunities/upsert', { json: { ...followerDefaults, pipelineId: p0.id, locationId: DEMO.locationId, contactId: demoContacts(sandbox)[0].id, foo: 1 } });
		expect(unknownKey.status).toBe(422);
		expect(unknownKey.body.message).toEqual(['property foo should not exist']);
		const o = opps().find((x) => x.pipelineId === p0.id)!;
		const wrongStage = await call(sandbox, 'POST', '/opportunities/upsert', { json: { ...followerDefaults, id: o.id, pipelineId: p0.id, pipelineStageId: p1.stages[0].id, locationId: DEMO.locationId } });
		expect(wrongStage.status).toBe(400);
		const badValue = await call(sandbox, 'POST', '/opportunities/upsert', { json: { ...followerDefaults, id: o.id, pipelineId: p0.id, locationId: DEMO.locationId, monetaryValue: { amount: 1 } } });
		expect(badValue.status).toBe(422);
	});
});

describe('followers', () => {
	it('adds (201) and removes followers', async () => {
		const o = opps().find((x) => x.followers.length === 0)!;
		const [, u1, u2, u3] = DEMO.userIds;
		const added = await call(sandbox, 'POST', `/opportunities/${o.id}/followers`, { json: { followers: [u1, u2] } });
		expect(added.status).toBe(201);
		expect(added.body).toMatchObject({ followers: [u1, u2], followersAdded: [u1, u2] });
		const again = await call(sandbox, 'POST', `/opportunities/${o.id}/followers`, { json: { followers: [u2, u3] } });
		expect(again.body).toMatchObject({ followers: [u1, u2, u3], followersAdded: [u3] });
		expect(sandbox.state.opportunities.get(o.id)!.followers).toEqual([u1, u2, u3]);

		const removed = await call(sandbox, 'DELETE', `/opportunities/${o.id}/followers`, { json: { followers: [u2, 'notAFollower00000001'] } });
		expect(removed.status).toBe(200);
		expect(removed.body).toMatchObject({ followers: [u1, u3], followersRemoved: [u2] });
		const all = await call(sandbox, 'DELETE', `/opportunities/${o.id}/followers?isRemoveAllFollowers=true`, { json: { followers: [] } });
		expect(all.body).toMatchObject({ followers: [], followersRemoved: [u1, u3] });
		expect(sandbox.state.opportunities.get(o.id)!.followers).toEqual([]);

		const unknown = await call(sandbox, 'POST', `/opportunities/${o.id}/followers`, { json: { followers: ['unknownUser000000001'] } });
		expect(unknown.status).toBe(400);
		expect((await call(sandbox, 'POST', '/opportunities/missingOpportunity01/followers', { json: { followers: [u1] } })).status).toBe(404);
	});

	it('upsert removes followers with followersActionType remove and isRemoveAllFollowers', async () => {
		const o = opps().find((x) => x.followers.length === 0 && x.id !== opps()[0].id)!;
		const [, u1, u2] = DEMO.userIds;
		await call(sandbox, 'POST', `/opportunities/${o.id}/followers`, { json: { followers: [u1, u2] } });
		const removed = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { id: o.id, pipelineId: o.pipelineId, locationId: DEMO.locationId, followers: [u1], isRemoveAllFollowers: false, followersActionType: 'remove' },
		});
		expect(removed.body.opportunity.followers).toEqual([u2]);
		const cleared = await call(sandbox, 'POST', '/opportunities/upsert', {
			json: { id: o.id, pipelineId: o.pipelineId, locationId: DEMO.locationId, followers: [], isRemoveAllFollowers: true, followersActionType: 'add' },
		});
		expect(cleared.body.opportunity.followers).toEqual([]);
	});
});

describe('reset', () => {
	it('puts the opportunities and pipelines back to the seed', async () => {
		const local = await startSandbox({ port: 0, seedContacts: 5 });
		try {
			const ids = [...local.state.opportunities.keys()];
			const o = local.state.opportunities.get(ids[0])!;
			await call(local, 'DELETE', `/opportunities/${o.id}`);
			expect(local.state.opportunities.size).toBe(1199);
			local.reset();
			expect([...local.state.opportunities.keys()]).toEqual(ids);
			expect(local.state.pipelines.size).toBe(2);
		} finally {
			await local.close();
		}
	});
});
