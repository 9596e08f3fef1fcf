// Several items in flight (issue 21): with the sandbox answering slowly, so that requests really
// overlap, the node must keep input order and pairing, continue-on-fail positions, never let two
// items touching the same record (email, phone, contact) overlap, send workflow enrolments one at a
// time, and honour Request Options › Batching. Overlap is observed by a proxy in front of the
// sandbox from the order of arrivals and answers, never from clocks.
import type { IDataObject } from 'n8n-workflow';

import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { Sandbox } from '../../sandbox';
import { DEMO, DEMO_WORKFLOWS, startSandbox } from '../../sandbox';
import { BULK_ITEMS_IN_FLIGHT } from '../../nodes/GoHighLevel/transport/options';
import { byId, privateToken } from './fixtures';
import type { InFlightProxy, SeenRequest } from './inFlightProxy';
import { startInFlightProxy } from './inFlightProxy';

let sandbox: Sandbox;
let proxy: InFlightProxy;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 40, rateLimit: { max: 100_000, intervalMs: 1000 } });
	proxy = await startInFlightProxy(sandbox.url);
});
afterAll(async () => {
	await proxy.close();
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset();
	// Slow answers: with several items in flight, requests overlap at the proxy.
	sandbox.setFaults({ latencyMs: 40 });
	proxy.reset();
});

async function run(operation: string, parameters: IDataObject, inputItems: IDataObject[], options: { continueOnFail?: boolean; retry?: { maxTries: number; waitBetweenTries: number } } = {}): Promise<RunNodeResult> {
	return await runNode({
		// Several items in flight unless a test sets its own batching (the node's default is one at a time).
		parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation, requestOptions: { batching: { batch: { batchSize: BULK_ITEMS_IN_FLIGHT } } }, ...parameters },
		credentials: privateToken(sandbox, { baseUrl: proxy.url }),
		inputItems: inputItems.map((json) => ({ json })),
		continueOnFail: options.continueOnFail,
		retry: options.retry,
	});
}

const contactIds = (n: number) => [...sandbox.state.contacts.values()].filter((c) => c.locationId === DEMO.locationId).slice(0, n).map((c) => c.id);
const writes = (method: string) => proxy.seen.filter((r) => r.method === method);
const field = (r: SeenRequest, name: string) => String((JSON.parse(r.body || '{}') as IDataObject)[name] ?? '').trim().toLowerCase();
const pairing = (result: RunNodeResult) => result.items.map((item) => (item.pairedItem as { item: number }).item);

describe('items in flight', () => {
	it('bulk updates overlap, and output order and pairing are those of the input', async () => {
		const ids = contactIds(25);
		const result = await run('update', { contactId: byId('={{ $json.id }}'), updateFields: { city: '={{ "City " + $json.n }}' } }, ids.map((id, n) => ({ id, n })));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(pairing(result)).toEqual(ids.map((_, n) => n));
		ids.forEach((id, n) => expect(sandbox.state.contacts.get(id)?.city).toBe(`City ${n}`));
		expect(writes('PUT')).toHaveLength(25);
		expect(proxy.maxInFlight).toBeGreaterThan(1);
		expect(proxy.maxInFlight).toBeLessThanOrEqual(10);
	});

	it('bulk reads overlap and keep their order', async () => {
		const ids = contactIds(20);
		const result = await run('get', { contactId: byId('={{ $json.id }}') }, ids.map((id) => ({ id })));
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(pairing(result)).toEqual(ids.map((_, n) => n));
		expect(proxy.maxInFlight).toBeGreaterThan(1);
	});

	it('upserts sharing an email or phone never overlap, and each person is stored once', async () => {
		const people: IDataObject[] = [
			{ email: 'ann@example.com' },
			{ email: 'bob@example.com' },
			{ email: 'ANN@example.com' },
			{ email: 'cy@example.com', phone: '+15550100001' },
			{ email: 'ann@example.com' },
			{ phone: '+15550100001' },
			{ email: 'dee@example.com' },
			{ email: 'eve@example.com' },
			{ email: 'bob@example.com' },
			{ email: 'fay@example.com' },
		];
		const result = await run('upsert', { email: '={{ $json.email ?? "" }}', phone: '={{ $json.phone ?? "" }}' }, people);
		expect(result.error).toBeUndefined();
		expect(pairing(result)).toEqual(people.map((_, n) => n));
		const upserts = writes('POST').filter((r) => r.path.startsWith('/contacts/upsert'));
		expect(upserts).toHaveLength(people.length);
		const clashes = proxy.overlaps.filter(
			([a, b]) =>
				a.path.startsWith('/contacts/upsert') &&
				b.path.startsWith('/contacts/upsert') &&
				((field(a, 'email') && field(a, 'email') === field(b, 'email')) || (field(a, 'phone') && field(a, 'phone') === field(b, 'phone'))),
		);
		expect(clashes).toEqual([]);
		// Distinct people did overlap: the rule held with requests in flight.
		expect(proxy.maxInFlight).toBeGreaterThan(1);
		const stored = [...sandbox.state.contacts.values()].map((c) => (c.email ?? '').toLowerCase());
		for (const email of ['ann@example.com', 'bob@example.com', 'cy@example.com', 'dee@example.com']) expect(stored.filter((e) => e === email)).toHaveLength(1);
		expect(result.items[0].json.id).toBe(result.items[2].json.id);
		expect(result.items[0].json.id).toBe(result.items[4].json.id);
		expect(result.items[3].json.id).toBe(result.items[5].json.id);
	});

	it('tag writes on the same contact never overlap, in input order', async () => {
		const [a, b, c] = contactIds(3);
		const targets = [a, b, a, c, a, b];
		const result = await run('addTags', { contactId: byId('={{ $json.id }}'), tags: '={{ "t" + $json.n }}' }, targets.map((id, n) => ({ id, n })));
		expect(result.error).toBeUndefined();
		expect(pairing(result)).toEqual(targets.map((_, n) => n));
		const tagWrites = writes('POST').filter((r) => r.path.endsWith('/tags'));
		expect(tagWrites).toHaveLength(targets.length);
		expect(proxy.overlaps.filter(([x, y]) => x.path.endsWith('/tags') && x.path === y.path)).toEqual([]);
		// Same contact: sent in input order.
		expect(tagWrites.filter((r) => r.path.includes(a)).map((r) => r.body)).toEqual(['t0', 't2', 't4'].map((t) => JSON.stringify({ tags: [t] })));
		expect(proxy.maxInFlight).toBeGreaterThan(1);
	});

	it('continue-on-fail yields one error item exactly where the item failed', async () => {
		const ids = contactIds(12);
		const input = ids.map((id, n) => ({ id: n === 1 || n === 6 || n === 11 ? `missing${n}` : id }));
		const result = await run('update', { contactId: byId('={{ $json.id }}'), updateFields: { city: 'Here' } }, input, { continueOnFail: true });
		expect(result.items).toHaveLength(12);
		expect(pairing(result)).toEqual(input.map((_, n) => n));
		const failedAt = result.items.map((item, n) => (item.json.error ? n : -1)).filter((n) => n >= 0);
		expect(failedAt).toEqual([1, 6, 11]);
		result.items.forEach((item, n) => {
			if (!item.json.error) expect(item.json.id).toBe(ids[n]);
		});
		expect(proxy.maxInFlight).toBeGreaterThan(1);
	});

	it('without continue-on-fail the node fails on the first failing item and starts nothing after it', async () => {
		const ids = contactIds(30);
		const input = ids.map((id, n) => ({ id: n === 3 || n === 5 ? `missing${n}` : id }));
		const result = await run('update', { contactId: byId('={{ $json.id }}'), updateFields: { city: 'Stop' } }, input);
		expect(result.error).toBeDefined();
		expect(result.error?.message).toMatch(/not found|404|does not exist|Contact/i);
		// Items started before the failure was known may finish; later items are never sent.
		expect(writes('PUT').length).toBeLessThan(30);
		expect(writes('PUT').some((r) => r.path.includes(ids[29]))).toBe(false);
	});

	it('Items per Batch 1 sends one item at a time', async () => {
		const ids = contactIds(8);
		const result = await run(
			'update',
			{ contactId: byId('={{ $json.id }}'), updateFields: { city: 'Serial' }, requestOptions: { batching: { batch: { batchSize: 1 } } } },
			ids.map((id) => ({ id })),
		);
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(writes('PUT')).toHaveLength(8);
		expect(proxy.maxInFlight).toBe(1);
	});

	it('Items per Batch out of range fails naming the parameter, before anything is sent', async () => {
		const result = await run('update', { contactId: byId('={{ $json.id }}'), updateFields: { city: 'x' }, requestOptions: { batching: { batch: { batchSize: 0 } } } }, contactIds(2).map((id) => ({ id })));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Items per Batch');
		expect(proxy.seen).toHaveLength(0);
	});

	it('workflow enrolments (they send messages) go one at a time whatever the batching', async () => {
		const ids = contactIds(6);
		const result = await run(
			'addToWorkflow',
			{ contactId: byId('={{ $json.id }}'), workflowId: byId(DEMO_WORKFLOWS[0].id), requestOptions: { batching: { batch: { batchSize: 20 } } } },
			ids.map((id) => ({ id })),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.contactId)).toEqual(ids);
		expect(writes('POST')).toHaveLength(6);
		expect(proxy.maxInFlight).toBe(1);
	});

	it("n8n's Retry On Fail still writes each create once with items in flight", async () => {
		const emails = Array.from({ length: 12 }, (_, n) => `retry${n}@example.com`);
		sandbox.setFaults({ latencyMs: 40, fail5xxAfterWriteNext: 3, match: { method: 'POST', pathPrefix: '/contacts' } });
		const result = await run('create', { email: '={{ $json.email }}' }, emails.map((email) => ({ email })), { retry: { maxTries: 5, waitBetweenTries: 1 } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.email)).toEqual(emails);
		const stored = [...sandbox.state.contacts.values()].map((c) => c.email).filter((e) => e && emails.includes(e));
		expect(stored.sort()).toEqual([...emails].sort());
	});
});
