// Bursts of signed deliveries with duplicates, concurrently, through the webhook trigger in
// n8n-core's WebhookContext; and the sandbox's HTTP sender that end-to-end runs will drive.
import type { IDataObject } from 'n8n-workflow';

import type { BurstResult, Sandbox, SendWebhookResult } from '../../sandbox';
import { sandboxWebhookSigner, sendWebhookBurst, startSandbox } from '../../sandbox';
import type { WebhookTriggerServer } from '../harness';
import { startWebhookTrigger } from '../harness';

const signer = sandboxWebhookSigner();
const options = { ed25519PublicKey: signer.ed25519PublicKeyPem, rsaPublicKey: signer.rsaPublicKeyPem };

let server: WebhookTriggerServer;
afterEach(async () => await server?.close());

// Each request waits 3 ms between loading static data and running the node (n8n's database read),
// so concurrent copies of an event really see the same stored state.
async function trigger(parameters: IDataObject = {}) {
	server = await startWebhookTrigger({
		nodeType: 'goHighLevelWebhookTrigger',
		parameters: { source: 'marketplaceApp', ...parameters, options },
		storageDelayMs: 3,
	});
	return server;
}

describe('a burst of 1,000 deliveries with duplicates', () => {
	it('starts exactly one execution per distinct event', async () => {
		await trigger();
		const burst = await sendWebhookBurst({ url: server.url, count: 1000, distinct: 600, concurrency: 50, seed: 7 });
		const emitted = server.emitted().map((item) => String(item.json.webhookId));
		process.stdout.write(
			`webhook burst: ${burst.sent} deliveries of ${burst.distinct} distinct events → ${emitted.length} executions; statuses ${JSON.stringify(burst.statuses)}\n`,
		);
		expect(server.requests).toHaveLength(1000);
		expect(emitted).toHaveLength(600);
		expect(new Set(emitted)).toEqual(new Set(burst.webhookIds));
		expect(burst.statuses).toEqual({ '200': 600, '401': 400 });

		// What n8n stored: one 23-byte entry per accepted delivery of the window.
		expect(JSON.stringify(server.staticData()).length).toBeLessThan(600 * 23 + 120);
	});

	it('with event filters in place, ignored events never run and selected ones run once', async () => {
		await trigger({ events: ['ContactCreate'] });
		const contacts = await sendWebhookBurst({ url: server.url, count: 200, distinct: 80, concurrency: 40, seed: 3, event: { type: 'ContactCreate' } });
		const tasks = await sendWebhookBurst({ url: server.url, count: 100, distinct: 50, concurrency: 40, seed: 4, event: { type: 'TaskCreate' } });
		expect(contacts.statuses).toEqual({ '200': 80, '401': 120 });
		expect(tasks.statuses).toEqual({ '200': 100 });
		expect(server.executions()).toBe(80);
	});
});

describe('sandbox webhook sender over HTTP', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seedContacts: 0 });
	});
	afterAll(async () => await sandbox.close());

	const admin = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
		const response = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		return { status: response.status, body: (await response.json()) as T };
	};

	it('publishes the public keys it signs with', async () => {
		const keys = await admin<{ ed25519PublicKeyPem: string; rsaPublicKeyPem: string }>('GET', '/__sandbox/webhooks/keys');
		expect(keys.status).toBe(200);
		expect(keys.body.ed25519PublicKeyPem).toBe(signer.ed25519PublicKeyPem);
		expect(keys.body.rsaPublicKeyPem).toBe(signer.rsaPublicKeyPem);
	});

	it('sends valid, replayed, tampered, wrongly signed and unsigned deliveries on request', async () => {
		await trigger();
		const send = async (body: IDataObject) => (await admin<SendWebhookResult>('POST', '/__sandbox/webhooks/send', { url: server.url, ...body })).body;
		expect((await send({ event: { type: 'OpportunityCreate' }, replay: 1 })).deliveries.map((d) => d.status)).toEqual([200, 401]);
		expect((await send({ tamper: true })).deliveries.map((d) => d.status)).toEqual([401]);
		expect((await send({ wrongKey: true })).deliveries.map((d) => d.status)).toEqual([401]);
		expect((await send({ signatures: 'none' })).deliveries.map((d) => d.status)).toEqual([401]);
		expect((await send({ timestampOffsetSeconds: -900 })).deliveries.map((d) => d.status)).toEqual([401]);
		expect(server.executions()).toBe(1);
		expect(server.emitted()[0].json.type).toBe('OpportunityCreate');

		const burst = await admin<BurstResult>('POST', '/__sandbox/webhooks/burst', { url: server.url, count: 40, distinct: 10, concurrency: 8 });
		expect(burst.body.statuses).toEqual({ '200': 10, '401': 30 });
		expect(server.executions()).toBe(11);
	});

	it('signs without sending, and refuses a missing URL', async () => {
		const signed = await admin<{ body: string; headers: Record<string, string> }>('POST', '/__sandbox/webhooks/sign', { event: { type: 'ContactDelete' } });
		expect(signed.status).toBe(200);
		expect(JSON.parse(signed.body.body).type).toBe('ContactDelete');
		expect(Object.keys(signed.body.headers).sort()).toEqual(['content-type', 'x-ghl-signature', 'x-wh-signature']);
		expect((await admin('POST', '/__sandbox/webhooks/send', {})).status).toBe(400);
	});
});
