// The GoHighLevel Webhook Trigger inside n8n-core's WebhookContext, fed real HTTP requests: the
// sandbox's sender signs events with its own key pairs (pasted into the node as key overrides) and
// POSTs them to a server that builds the request the way n8n does (raw body kept as a Buffer).
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { SendWebhookOptions } from '../../sandbox';
import { DEMO, sandboxWebhookSigner, sendWebhook } from '../../sandbox';
import type { WebhookTriggerServer } from '../harness';
import { startWebhookTrigger } from '../harness';

const signer = sandboxWebhookSigner();
const sandboxKeys = { ed25519PublicKey: signer.ed25519PublicKeyPem, rsaPublicKey: signer.rsaPublicKeyPem };

const servers: WebhookTriggerServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (s) => await s.close()));
});

async function trigger(parameters: IDataObject = {}, extra: { staticData?: IDataObject; workflowId?: string; mode?: 'webhook' | 'manual' } = {}) {
	const { options, ...rest } = parameters;
	const server = await startWebhookTrigger({
		nodeType: 'goHighLevelWebhookTrigger',
		parameters: { source: 'marketplaceApp', ...rest, options: { ...sandboxKeys, ...((options as IDataObject) ?? {}) } },
		...extra,
	});
	servers.push(server);
	return server;
}

async function deliver(server: WebhookTriggerServer, options: Omit<SendWebhookOptions, 'url'> = {}) {
	const result = await sendWebhook({ url: server.url, ...options });
	return { ...result, statuses: result.deliveries.map((d) => d.status) };
}

const emittedIds = (server: WebhookTriggerServer) => server.emitted().map((item) => item.json.webhookId);

describe('signed marketplace deliveries', () => {
	it('starts one execution with the event as it was sent', async () => {
		const server = await trigger();
		const sent = await deliver(server, { event: { type: 'ContactCreate', email: 'new@example.com', tags: ['a', 'b'] } });
		expect(sent.statuses).toEqual([200]);
		expect(JSON.parse(sent.deliveries[0].body)).toEqual({ message: 'Workflow was started' });
		expect(server.emitted().map((i) => i.json)).toEqual([sent.event]);
		expect(server.executions()).toBe(1);
	});

	it('accepts either signature alone; the legacy RSA one only while it is accepted', async () => {
		const server = await trigger();
		expect((await deliver(server, { signatures: 'ed25519' })).statuses).toEqual([200]);
		expect((await deliver(server, { signatures: 'rsa' })).statuses).toEqual([200]);
		expect(server.executions()).toBe(2);

		const strict = await trigger({ options: { acceptLegacySignature: false } });
		expect((await deliver(strict, { signatures: 'rsa' })).statuses).toEqual([401]);
		expect((await deliver(strict, { signatures: 'ed25519' })).statuses).toEqual([200]);
		expect(strict.executions()).toBe(1);
	});

	it('verifies the exact bytes received, not re-serialised JSON', async () => {
		const server = await trigger();
		const rawBody = `{ "type" : "ContactUpdate",\n  "locationId": "${DEMO.locationId}", "webhookId": "${randomUUID()}",\n  "timestamp": "${new Date().toISOString()}", "name": "Zo\\u00eb  Ångström", "score": 1.50 }`;
		const sent = await deliver(server, { rawBody });
		expect(sent.statuses).toEqual([200]);
		expect(server.emitted()[0].json).toMatchObject({ type: 'ContactUpdate', name: 'Zoë  Ångström', score: 1.5 });
	});

	it.each([
		['a tampered body', { tamper: true }],
		['a signature from another key', { wrongKey: true }],
		['no signature header', { signatures: 'none' as const }],
	])('refuses %s with 401 and starts nothing', async (_label, options) => {
		const server = await trigger();
		const sent = await deliver(server, options);
		expect(sent.statuses).toEqual([401]);
		expect(JSON.parse(sent.deliveries[0].body).message).toMatch(/signature/i);
		expect(server.executions()).toBe(0);
		expect(server.staticData()).toEqual({});
	});

	it('refuses a replayed webhookId with 401, even with a re-signed, different body', async () => {
		const server = await trigger();
		const first = await deliver(server, { replay: 2 });
		expect(first.statuses).toEqual([200, 401, 401]);
		expect(JSON.parse(first.deliveries[1].body).message).toBe('This delivery was already received');
		const again = await deliver(server, { event: { webhookId: first.event.webhookId, type: 'ContactUpdate' } });
		expect(again.statuses).toEqual([401]);
		expect(emittedIds(server)).toEqual([first.event.webhookId]);
	});

	it('refuses stale, future and undated deliveries with 401; the window is configurable', async () => {
		const server = await trigger();
		expect((await deliver(server, { timestampOffsetSeconds: -301 })).statuses).toEqual([401]);
		expect((await deliver(server, { timestampOffsetSeconds: 400 })).statuses).toEqual([401]);
		expect((await deliver(server, { omitTimestamp: true })).statuses).toEqual([401]);
		expect((await deliver(server, { timestampOffsetSeconds: -240 })).statuses).toEqual([200]);
		expect((await deliver(server, { event: { timestamp: Math.floor(Date.now() / 1000) } })).statuses).toEqual([200]);
		expect(server.executions()).toBe(2);

		const wide = await trigger({ options: { maxAgeSeconds: 3600 } });
		expect((await deliver(wide, { timestampOffsetSeconds: -1800 })).statuses).toEqual([200]);
		const off = await trigger({ options: { maxAgeSeconds: 0 } });
		expect((await deliver(off, { omitTimestamp: true })).statuses).toEqual([200]);
	});

	it('without a webhookId, refuses the identical body twice', async () => {
		const server = await trigger();
		const sent = await deliver(server, { omitWebhookId: true, replay: 1 });
		expect(sent.statuses).toEqual([200, 401]);
		expect((await deliver(server, { omitWebhookId: true })).statuses).toEqual([200]);
	});

	it('remembers accepted deliveries in the static data n8n saves, 23 bytes each', async () => {
		const server = await trigger({ options: { rememberedDeliveries: 10 } });
		for (let i = 0; i < 25; i++) expect((await deliver(server)).statuses).toEqual([200]);
		const saved = server.staticData();
		const memory = (saved['node:GoHighLevel Webhook Trigger'] as IDataObject).acceptedDeliveries as { ring: string; horizon: number };
		expect(memory.ring).toHaveLength(10 * 23);
		expect(memory.horizon).toBeGreaterThan(0);
		expect(JSON.stringify(saved).length).toBeLessThan(10 * 23 + 120);
	});

	it('with the built-in HighLevel keys, refuses what the sandbox signs', async () => {
		const server = await startWebhookTrigger({ nodeType: 'goHighLevelWebhookTrigger', parameters: { source: 'marketplaceApp' } });
		servers.push(server);
		expect((await deliver(server)).statuses).toEqual([401]);
		expect(server.executions()).toBe(0);
	});

	it('reports an unusable key override as a node error without echoing the key', async () => {
		const server = await trigger({ options: { ed25519PublicKey: 'not-a-key-but-a-secretish-string' } });
		const sent = await deliver(server);
		expect(sent.statuses).toEqual([500]);
		const error = server.requests[0].error as Error;
		expect(error.message).toMatch(/Ed25519 Public Key/);
		expect(error.message).not.toContain('secretish');
		expect(server.executions()).toBe(0);
	});

	it('answers 400 to a signed body that is not a JSON object', async () => {
		const server = await trigger({ options: { maxAgeSeconds: 0 } });
		expect((await deliver(server, { rawBody: '[1,2,3]' })).statuses).toEqual([400]);
		expect(server.executions()).toBe(0);
	});

	it('runs the same checks on the editor test URL', async () => {
		const server = await trigger({}, { mode: 'manual' });
		expect(server.url).toContain('/webhook-test/');
		expect((await deliver(server, { replay: 1 })).statuses).toEqual([200, 401]);
		expect((await deliver(server, { tamper: true })).statuses).toEqual([401]);
		expect(server.executions()).toBe(1);
	});
});

describe('event and location filters', () => {
	it('starts runs only for the selected event types; others get 200 and no run', async () => {
		const server = await trigger({ events: ['ContactCreate', 'OpportunityStageUpdate'] });
		const contact = await deliver(server, { event: { type: 'ContactCreate' } });
		const stage = await deliver(server, { event: { type: 'OpportunityStageUpdate' } });
		const other = await deliver(server, { event: { type: 'TaskCreate' } });
		const untyped = await deliver(server, { event: { type: undefined, _id: 'inv1', altType: 'location', altId: DEMO.locationId } });
		expect([contact, stage, other, untyped].map((d) => d.statuses[0])).toEqual([200, 200, 200, 200]);
		expect(JSON.parse(other.deliveries[0].body).message).toMatch(/ignored/);
		expect(emittedIds(server)).toEqual([contact.event.webhookId, stage.event.webhookId]);
	});

	it('matches payloads without a type field with "Any Event Without a Type Field"', async () => {
		const server = await trigger({ events: ['__untyped__', 'INSTALL'] });
		const invoice = await deliver(server, { event: { type: undefined, _id: 'inv1', status: 'paid' } });
		const install = await deliver(server, { event: { type: 'INSTALL', appId: 'app1', companyId: DEMO.companyId } });
		const contact = await deliver(server, { event: { type: 'ContactCreate' } });
		expect([invoice, install, contact].map((d) => d.statuses[0])).toEqual([200, 200, 200]);
		expect(emittedIds(server)).toEqual([invoice.event.webhookId, install.event.webhookId]);
	});

	it('starts runs only for the listed locations', async () => {
		const server = await trigger({ locationIds: ` ${DEMO.locationId} , ${DEMO.otherLocationId}` });
		const mine = await deliver(server, { event: { locationId: DEMO.locationId } });
		const other = await deliver(server, { event: { locationId: DEMO.otherLocationId } });
		const foreign = await deliver(server, { event: { locationId: 'someOtherLocation0001' } });
		const invoice = await deliver(server, { event: { locationId: undefined, altType: 'location', altId: DEMO.locationId } });
		const none = await deliver(server, { event: { locationId: undefined, type: 'UserCreate' } });
		expect([mine, other, foreign, invoice, none].map((d) => d.statuses[0])).toEqual([200, 200, 200, 200, 200]);
		expect(emittedIds(server)).toEqual([mine.event.webhookId, other.event.webhookId, invoice.event.webhookId]);
	});

	it('checks signatures before filtering: a forged ignored event is still 401', async () => {
		const server = await trigger({ events: ['ContactCreate'] });
		expect((await deliver(server, { event: { type: 'TaskCreate' }, wrongKey: true })).statuses).toEqual([401]);
	});
});

describe('workflow Webhook action (unsigned)', () => {
	async function workflowTrigger(parameters: IDataObject = {}) {
		const server = await startWebhookTrigger({
			nodeType: 'goHighLevelWebhookTrigger',
			parameters: { source: 'workflowAction', ...parameters },
		});
		servers.push(server);
		return server;
	}
	const body = { contact_id: 'c1', first_name: 'Ada', location: { id: DEMO.locationId }, customData: { plan: 'pro' } };

	it('without a secret, accepts any POST and emits its body', async () => {
		const server = await workflowTrigger();
		const sent = await deliver(server, { rawBody: JSON.stringify(body), signatures: 'none' });
		expect(sent.statuses).toEqual([200]);
		expect(server.emitted().map((i) => i.json)).toEqual([body]);
	});

	it('with a secret header, refuses a missing or wrong value with 401 and accepts the right one', async () => {
		const secret = 'Xk7vN2pQ9rT4wZ8yB3mC6fH1jL5sD0gA';
		const server = await workflowTrigger({ requireSecret: true, headerName: 'X-HL-Secret', headerValue: secret });
		const rawBody = JSON.stringify(body);
		const missing = await deliver(server, { rawBody, signatures: 'none' });
		const wrong = await deliver(server, { rawBody, signatures: 'none', headers: { 'x-hl-secret': `${secret.slice(0, -1)}B` } });
		const short = await deliver(server, { rawBody, signatures: 'none', headers: { 'x-hl-secret': secret.slice(0, 5) } });
		const right = await deliver(server, { rawBody, signatures: 'none', headers: { 'X-HL-SECRET': secret } });
		expect([missing, wrong, short, right].map((d) => d.statuses[0])).toEqual([401, 401, 401, 200]);
		for (const d of [missing, wrong, short]) expect(d.deliveries[0].body).not.toContain(secret.slice(0, 5));
		expect(server.executions()).toBe(1);
		expect(server.emitted()[0].json).toEqual(body);
	});

	it('refuses to run with the secret switched on but empty', async () => {
		const server = await workflowTrigger({ requireSecret: true, headerName: 'x-hl-secret', headerValue: '' });
		expect((await deliver(server, { rawBody: '{}', signatures: 'none' })).statuses).toEqual([500]);
		expect(server.executions()).toBe(0);
	});
});
