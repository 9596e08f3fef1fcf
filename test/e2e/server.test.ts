// End to end in a running `n8n start`: an example workflow with the GoHighLevel Trigger, published
// (activated), polls the sandbox, and its action nodes write back to the sandbox.
import type { N8nInstance } from '../../scripts/n8n/instance';
import { loadExamples, sandboxCredential, useSigningKeys } from '../../scripts/n8n/examples';
import type { Sandbox } from '../../sandbox';
import { DEMO, sandboxWebhookSigner, sendWebhook } from '../../sandbox';
import { newInstance, newSandbox } from './setup';

const NEW_CONTACT = 'ghlExampleNewC1';
const OPPORTUNITY_WON = 'ghlExampleOppW1';
const WORKFLOW_ACTION = 'e2eWorkflowAct1';
const WORKFLOW_ACTION_PATH = 'a8f3c2d1-0b4e-4c5d-9e6f-7a8b9c0d1e2f';
/** A HighLevel workflow's Webhook action posting to n8n with a shared secret header; n8n notes it on the contact. */
const workflowAction = {
	id: WORKFLOW_ACTION,
	name: 'HighLevel workflow action → note',
	active: false,
	nodes: [
		{
			id: 'wa-1',
			name: 'From HighLevel workflow',
			type: 'n8n-nodes-gohighlevel.goHighLevelWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WORKFLOW_ACTION_PATH,
			parameters: { source: 'workflowAction', requireSecret: true, headerName: 'x-n8n-secret', headerValue: 'correct horse battery staple' },
		},
		{
			id: 'wa-2',
			name: 'Note',
			type: 'n8n-nodes-gohighlevel.goHighLevel',
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				authentication: 'privateIntegrationToken',
				resource: 'contactNote',
				operation: 'create',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.contact_id }}' },
				body: '=From the HighLevel workflow: {{ $json.message }}',
			},
			credentials: { goHighLevelPrivateIntegrationApi: { id: 'ghlSandboxPit001', name: 'HighLevel sandbox' } },
		},
	],
	connections: { 'From HighLevel workflow': { main: [[{ node: 'Note', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};
let sandbox: Sandbox;
let n8n: N8nInstance;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 90_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = probe();
		if (value !== undefined) return value;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`timed out waiting for ${what}\n--- n8n output ---\n${n8n.output.slice(-5000)}`);
}

beforeAll(async () => {
	sandbox = await newSandbox();
	n8n = await newInstance('server');
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	// The examples poll every minute, n8n's shortest interval for polling triggers.
	const examples = loadExamples().filter((w) => w.id === NEW_CONTACT || w.id === OPPORTUNITY_WON);
	// The sandbox signs webhooks with its own test keys, given to the node instead of HighLevel's.
	useSigningKeys(examples, sandboxWebhookSigner());
	await n8n.importWorkflows([...examples, workflowAction]);
	await n8n.publish(WORKFLOW_ACTION);
	await n8n.publish(NEW_CONTACT);
	await n8n.publish(OPPORTUNITY_WON);
	await n8n.start();
});
afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('n8n start with the example workflows', () => {
	it('a contact created in HighLevel gets a welcome task and a note from the active trigger workflow', async () => {
		// Activation polls once and sets the cursor; wait for it, then create the contact.
		await waitFor('the activation poll', () => (sandbox.requests.some((r) => r.path === '/contacts/search') ? true : undefined));
		const response = await fetch(`${sandbox.url}/contacts/`, {
			method: 'POST',
			headers: { authorization: `Bearer ${DEMO.locationPrivateToken}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: JSON.stringify({ locationId: DEMO.locationId, firstName: 'Polly', email: 'polly.e2e@example.com' }),
		});
		expect(response.status).toBe(201);
		const { contact } = (await response.json()) as { contact: { id: string } };
		const note = await waitFor('the note from the workflow', () => [...sandbox.state.notes.values()].find((n) => n.contactId === contact.id), 150_000);
		expect(note.body).toBe('Welcome task created by n8n (Welcome call: Polly).');
		const tasks = [...sandbox.state.tasks.values()].filter((t) => t.contactId === contact.id);
		expect(tasks.map((t) => t.title)).toEqual(['Welcome call: Polly']);
		// The next poll does not deliver the same contact again.
		const searches = sandbox.requests.filter((r) => r.path === '/contacts/search').length;
		await waitFor('the next poll', () => (sandbox.requests.filter((r) => r.path === '/contacts/search').length > searches ? true : undefined), 150_000);
		await new Promise((r) => setTimeout(r, 3000));
		expect([...sandbox.state.tasks.values()].filter((t) => t.contactId === contact.id)).toHaveLength(1);
	});
});

describe('n8n start receiving signed HighLevel webhooks', () => {
	const url = () => `${n8n.url}/webhook/3c9f1e2a-6b7d-4f80-a1c2-d3e4f5a6b7c8/gohighlevel`;
	const opportunityEvent = (contactId: string, status: string) => ({
		type: 'OpportunityStatusUpdate',
		locationId: DEMO.locationId,
		id: 'oppE2e000000000000001',
		contactId,
		status,
		pipelineId: 'p1',
		name: 'Implant package',
	});

	it('a signed "opportunity won" event tags the contact once; replays, tampered bodies and foreign keys are refused', async () => {
		const contact = [...sandbox.state.contacts.values()][3];
		expect(contact.tags).not.toContain('customer');
		const sent = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'won'), replay: 1 });
		expect(sent.deliveries.map((d) => d.status)).toEqual([200, 401]);
		await waitFor('the tag from the webhook workflow', () => (sandbox.state.contacts.get(contact.id)!.tags.includes('customer') ? true : undefined), 30_000);

		const tampered = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'won'), tamper: true });
		const foreign = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'won'), wrongKey: true });
		const unsigned = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'won'), signatures: 'none' });
		const stale = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'won'), timestampOffsetSeconds: -3600 });
		expect([tampered, foreign, unsigned, stale].map((r) => r.deliveries[0].status)).toEqual([401, 401, 401, 401]);
	});

	it('events the node does not listen to are acknowledged without a run, and a lost opportunity adds no tag', async () => {
		const contact = [...sandbox.state.contacts.values()][4];
		const other = await sendWebhook({ url: url(), event: { type: 'ContactCreate', id: contact.id, locationId: DEMO.locationId } });
		expect(other.deliveries[0]).toMatchObject({ status: 200 });
		expect(other.deliveries[0].body).toMatch(/ignored/);
		const lost = await sendWebhook({ url: url(), event: opportunityEvent(contact.id, 'lost') });
		expect(lost.deliveries[0].status).toBe(200);
		await new Promise((r) => setTimeout(r, 3000));
		expect(sandbox.state.contacts.get(contact.id)!.tags).not.toContain('customer');
	});
});

describe('n8n start receiving a HighLevel workflow Webhook action (unsigned, shared secret)', () => {
	it('runs with the right secret header and refuses a missing or wrong one', async () => {
		const contact = [...sandbox.state.contacts.values()][5];
		const url = `${n8n.url}/webhook/${WORKFLOW_ACTION_PATH}/gohighlevel`;
		const event = { contact_id: contact.id, message: 'asked for a callback' };
		const send = (headers: Record<string, string>) => sendWebhook({ url, event, signatures: 'none', headers });
		expect((await send({})).deliveries[0].status).toBe(401);
		expect((await send({ 'x-n8n-secret': 'wrong' })).deliveries[0].status).toBe(401);
		expect((await send({ 'x-n8n-secret': 'correct horse battery staple' })).deliveries[0].status).toBe(200);
		const note = await waitFor('the note from the workflow action', () => [...sandbox.state.notes.values()].find((n) => n.contactId === contact.id && n.body.startsWith('From the HighLevel workflow')), 30_000);
		expect(note.body).toBe('From the HighLevel workflow: asked for a callback');
		expect([...sandbox.state.notes.values()].filter((n) => n.body.startsWith('From the HighLevel workflow'))).toHaveLength(1);
	});
});
