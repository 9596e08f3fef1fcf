// Replay protection of the GoHighLevel Webhook Trigger across restarts and processes, with the
// harness saving static data exactly where n8n does (not after webhook(), only when the execution
// changed it) and n8n-core's deduplication helpers backed by a store that outlives the "processes".
// A restarted process is a fresh copy of the built package: none of the node's memory survives.
import type { IDataObject } from 'n8n-workflow';

import type { SendWebhookOptions } from '../../sandbox';
import { sandboxWebhookSigner, sendWebhook, sendWebhookBurst } from '../../sandbox';
import type { WebhookTriggerServer } from '../harness';
import { freshProcessPackageRoot, processedCount, removeProcessCopies, startWebhookTrigger } from '../harness';

const signer = sandboxWebhookSigner();
const keys = { ed25519PublicKey: signer.ed25519PublicKeyPem, rsaPublicKey: signer.rsaPublicKeyPem };

const servers: WebhookTriggerServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (s) => await s.close()));
});
afterAll(() => removeProcessCopies());

interface Instance {
	workflowId: string;
	nodeId: string;
	staticData: IDataObject;
}

/** Starts the trigger in a new n8n process; `after` continues an earlier one's workflow node with what n8n stored. */
async function start(options: IDataObject = {}, after?: Instance) {
	const server = await startWebhookTrigger({
		nodeType: 'goHighLevelWebhookTrigger',
		packageRoot: freshProcessPackageRoot(),
		parameters: { source: 'marketplaceApp', options: { ...keys, ...options } },
		...(after && { workflowId: after.workflowId, nodeId: after.nodeId, staticData: after.staticData }),
	});
	servers.push(server);
	return server;
}

const stored = (server: WebhookTriggerServer): Instance => ({ workflowId: server.workflowId, nodeId: server.nodeId, staticData: server.staticData() });

async function deliver(server: WebhookTriggerServer, options: Omit<SendWebhookOptions, 'url'> = {}) {
	const result = await sendWebhook({ url: server.url, ...options });
	return { event: result.event, status: result.deliveries[0].status };
}

describe('replay protection that survives restarts', () => {
	it('stores what it accepted where n8n saves static data, and refuses every replay after a restart', async () => {
		const first = await start();
		const events: Array<Record<string, unknown>> = [];
		for (let i = 0; i < 5; i++) {
			const sent = await deliver(first);
			expect(sent.status).toBe(200);
			events.push(sent.event);
		}
		expect(first.executionsPastTrigger()).toBe(5);
		expect(JSON.stringify(first.staticData())).toContain('acceptedDeliveries');

		const restarted = await start({}, stored(first));
		const statuses = [];
		for (const event of events) statuses.push((await deliver(restarted, { event })).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		expect(restarted.executions()).toBe(0);
		expect((await deliver(restarted)).status).toBe(200);
	});

	it('refuses a delivery replayed after 1,000 newer ones inside the window, also after a restart', async () => {
		const server = await start();
		const oldest = await deliver(server);
		expect(oldest.status).toBe(200);
		const burst = await sendWebhookBurst({ url: server.url, count: 1000, distinct: 1000, concurrency: 20, seed: 11 });
		expect(burst.statuses).toEqual({ '200': 1000 });

		expect((await deliver(server, { event: oldest.event })).status).toBe(401);
		const restarted = await start({}, stored(server));
		expect((await deliver(restarted, { event: oldest.event })).status).toBe(401);
		expect(server.executionsPastTrigger() + restarted.executionsPastTrigger()).toBe(1001);
	});

	it('stays bounded: beyond Remembered Deliveries, deliveries older than those kept are refused', async () => {
		const server = await start({ rememberedDeliveries: 10 });
		const events: Array<Record<string, unknown>> = [];
		for (let i = 0; i < 25; i++) {
			const sent = await deliver(server, { timestampOffsetSeconds: -200 + i });
			expect(sent.status).toBe(200);
			events.push(sent.event);
		}
		const restarted = await start({ rememberedDeliveries: 10 }, stored(server));
		expect((await deliver(restarted, { event: events[0] })).status).toBe(401);
		expect((await deliver(restarted, { event: events[24] })).status).toBe(401);
		// A new delivery older than the forgotten ones cannot be told from a replay of one of them.
		const late = await deliver(restarted, { timestampOffsetSeconds: -199 });
		expect(late.status).toBe(401);
		expect((await deliver(restarted)).status).toBe(200);
		expect(JSON.stringify(restarted.staticData()).length).toBeLessThan(10 * 23 + 120);
	});

	it('deliveries whose executions overlap in one process are all kept, though each execution saves only its own copy', async () => {
		const server = await startWebhookTrigger({
			nodeType: 'goHighLevelWebhookTrigger',
			packageRoot: freshProcessPackageRoot(),
			parameters: { source: 'marketplaceApp', options: keys },
			storageDelayMs: 5,
		});
		servers.push(server);
		const burst = await sendWebhookBurst({ url: server.url, count: 60, distinct: 60, concurrency: 12, seed: 9 });
		expect(burst.statuses).toEqual({ '200': 60 });

		const restarted = await start({}, stored(server));
		const statuses: Record<number, number> = {};
		for (const webhookId of burst.webhookIds) {
			const status = (await deliver(restarted, { event: { webhookId, sequence: burst.webhookIds.indexOf(webhookId) } })).status;
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
		expect(statuses).toEqual({ 401: 60 });
		expect(restarted.executions()).toBe(0);
	});

	it('a replay another process lets through (its static data was read before the save) stops at the trigger', async () => {
		const a = await start();
		const before = stored(a);
		const sent = await deliver(a);
		expect(sent.status).toBe(200);
		// Process B loaded the workflow before A's execution saved its static data.
		const b = await start({}, { ...before, workflowId: a.workflowId, nodeId: a.nodeId });
		expect((await deliver(b, { event: sent.event })).status).toBe(200);
		expect(b.executions()).toBe(1);
		expect(b.executionsPastTrigger()).toBe(0);
		expect(a.executionsPastTrigger()).toBe(1);
		expect(processedCount(a.workflowId, a.nodeId)).toBe(1);
	});

	it('concurrent identical deliveries to one process start one execution', async () => {
		const server = await startWebhookTrigger({
			nodeType: 'goHighLevelWebhookTrigger',
			parameters: { source: 'marketplaceApp', options: keys },
			storageDelayMs: 3,
		});
		servers.push(server);
		const burst = await sendWebhookBurst({ url: server.url, count: 200, distinct: 20, concurrency: 50, seed: 5 });
		expect(burst.statuses).toEqual({ '200': 20, '401': 180 });
		expect(server.executions()).toBe(20);
		expect(new Set(server.emitted().map((i) => i.json.webhookId))).toEqual(new Set(burst.webhookIds));
		expect(processedCount(server.workflowId, server.nodeId)).toBe(20);
	});
});
