// Webhook replays across an n8n restart, in a real `n8n start` (SQLite): signed deliveries are
// accepted, n8n is stopped and started again on the same database, and the same deliveries are
// sent again. Each webhookId must run once: the replays are refused, no execution starts for them,
// and the workflow's action ran once per delivery.
import type { N8nInstance } from '../../scripts/n8n/instance';
import { sandboxCredential, useSigningKeys } from '../../scripts/n8n/examples';
import type { WorkflowJson } from '../../scripts/n8n/examples';
import type { Sandbox } from '../../sandbox';
import { DEMO, sandboxWebhookSigner, sendWebhook } from '../../sandbox';
import { newInstance, newSandbox } from './setup';

const WORKFLOW = 'e2eReplayRestart';
const WEBHOOK_ID = '6d0b4f1e-93a2-4c7e-8b15-2f3e4d5c6b7a';
const OWNER = { email: 'owner@example.com', password: 'E2e-restart-Passw0rd', firstName: 'E2E', lastName: 'Owner' };

let sandbox: Sandbox;
let n8n: N8nInstance;
let contactId: string;

function workflow(): WorkflowJson {
	const nodes: Array<WorkflowJson['nodes'][number] & Record<string, unknown>> = [
		{
			id: 'rr-1',
			name: 'HighLevel event',
			type: 'n8n-nodes-gohighlevel.goHighLevelWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { source: 'marketplaceApp', options: {} },
		},
		{
			id: 'rr-2',
			name: 'Note',
			type: 'n8n-nodes-gohighlevel.goHighLevel',
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				authentication: 'privateIntegrationToken',
				resource: 'contactNote',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
				body: '=Delivery {{ $json.webhookId }}',
			},
			credentials: { goHighLevelPrivateIntegrationApi: { id: 'ghlSandboxPit001', name: 'HighLevel sandbox' } },
		},
	];
	return {
		id: WORKFLOW,
		name: 'Signed delivery → note (replay across restarts)',
		active: false,
		nodes,
		connections: { 'HighLevel event': { main: [[{ node: 'Note', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`timed out waiting for ${what}\n--- n8n output ---\n${n8n.output.slice(-5000)}`);
}

/** n8n answers before it has registered the active workflows' webhooks: wait until the URL is known (an unsigned POST gets 401, not 404). */
async function webhookRegistered(url: string): Promise<void> {
	await waitFor('the webhook to be registered', async () => ((await fetch(url, { method: 'POST' })).status !== 404 ? true : undefined));
}

const notesFor = (webhookId: string) => [...sandbox.state.notes.values()].filter((n) => n.body === `Delivery ${webhookId}`);

/** Executions of the workflow, as n8n's REST API lists them to its owner. */
async function executionCount(): Promise<number> {
	const login = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW }));
	const response = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=100`, { headers: { cookie } });
	if (!response.ok) throw new Error(`listing executions failed: ${response.status} ${await response.text()}`);
	const body = (await response.json()) as { data: { results: Array<{ status: string }> } };
	return body.data.results.length;
}

beforeAll(async () => {
	sandbox = await newSandbox();
	contactId = [...sandbox.state.contacts.values()].find((c) => c.locationId === DEMO.locationId)!.id;
	n8n = await newInstance('restart');
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const workflows = [workflow()];
	useSigningKeys(workflows, sandboxWebhookSigner());
	await n8n.importWorkflows(workflows);
	await n8n.publish(WORKFLOW);
	await n8n.start();
	await n8n.setupOwner(OWNER);
});
afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('signed webhook deliveries replayed after an n8n restart', () => {
	it('run once per webhookId: concurrent copies and replays after the restart are refused and start no execution', async () => {
		const url = `${n8n.url}/webhook/${WEBHOOK_ID}/gohighlevel`;
		await webhookRegistered(url);
		const events = [];
		for (let i = 0; i < 5; i++) {
			const sent = await sendWebhook({ url, event: { type: 'ContactTagUpdate', locationId: DEMO.locationId, contactId } });
			if (sent.deliveries[0].status !== 200) throw new Error(`delivery ${i}: ${sent.deliveries[0].status} ${sent.deliveries[0].body}\n--- n8n output ---\n${n8n.output.slice(-6000)}`);
			events.push(sent.event);
		}
		const ids = events.map((e) => String(e.webhookId));
		await waitFor('a note per delivery', () => (ids.every((id) => notesFor(id).length === 1) ? true : undefined));
		await waitFor('the five executions', async () => ((await executionCount()) === 5 ? true : undefined));

		// Twenty identical copies of a new delivery at once: one execution.
		const burst = await sendWebhook({ url, event: { type: 'ContactTagUpdate', locationId: DEMO.locationId, contactId } });
		expect(burst.deliveries[0].status).toBe(200);
		const copies = await Promise.all(Array.from({ length: 20 }, async () => (await fetch(url, { method: 'POST', body: burst.body, headers: burst.headers })).status));
		expect(copies.filter((status) => status === 200)).toHaveLength(0);
		events.push(burst.event);
		ids.push(String(burst.event.webhookId));
		await waitFor('the burst delivery’s note', () => (notesFor(ids[5]).length === 1 ? true : undefined));
		await waitFor('six executions', async () => ((await executionCount()) === 6 ? true : undefined));

		await n8n.stop();
		await n8n.start();
		await webhookRegistered(url);

		const statuses = [];
		for (const event of events) statuses.push((await sendWebhook({ url, event })).deliveries[0].status);
		process.stdout.write(`replays after the restart: ${statuses.join(',')}\n`);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);

		// A new delivery still runs: n8n is up and the workflow active.
		const fresh = await sendWebhook({ url, event: { type: 'ContactTagUpdate', locationId: DEMO.locationId, contactId } });
		expect(fresh.deliveries[0].status).toBe(200);
		await waitFor('the new delivery’s note', () => (notesFor(String(fresh.event.webhookId)).length === 1 ? true : undefined));
		await waitFor('seven executions in all', async () => ((await executionCount()) === 7 ? true : undefined));
		expect(ids.map((id) => notesFor(id).length)).toEqual([1, 1, 1, 1, 1, 1]);
		expect(await executionCount()).toBe(7);
	});
});
