// n8n 2.41 in queue mode (scripts/n8n/queue.ts): main + 2 workers + 2 webhook processors sharing
// Redis and PostgreSQL, this package installed in each, the sandbox as HighLevel. What a user of a
// distributed n8n relies on, proven with counts: writes paced across workers, OAuth2 refresh races,
// signed-webhook replays across processes, and the polling trigger delivering each record once.
import { randomUUID } from 'node:crypto';

import type { QueueProcess } from '../../scripts/n8n/queue';
import { QueueTopology } from '../../scripts/n8n/queue';
import { EXAMPLE_CREDENTIAL, loadExamples, oauthCredential, sandboxCredential, tokenCredential } from '../../scripts/n8n/examples';
import { packedTarball } from '../../scripts/n8n/package';
import { provisionN8n } from '../../scripts/n8n/provision';
import type { Sandbox } from '../../sandbox';
import { DEMO, sandboxWebhookSigner, signWebhook, startSandbox } from '../../sandbox';
import { oauthTokens } from './setup';
import { OAUTH_PATH, SIGNED_WEBHOOK_ID, oauthWorkflow, pacingWorkflow, signedWebhookWorkflow } from './queueWorkflows';

const OAUTH = 'queueOAuth00001';
const SIGNED = 'queueSigned0001';
const NEW_CONTACT = 'ghlExampleNewC1';
const OWNER = { email: 'owner@queue.local', password: 'Queue-Owner-1', firstName: 'Queue', lastName: 'Owner' };
const OAUTH_CREDENTIAL = { id: 'ghlQueueOAuth01', name: 'HighLevel sandbox (OAuth2, queue mode)' };
/** Access tokens of the main sandbox live this long: every OAuth round starts with an expired one. */
const ACCESS_TOKEN_TTL_SEC = 4;

/**
 * The two write bursts, each on a sandbox (a HighLevel location budget) of its own, run at the same
 * time as each other and as the other tests: polls and webhooks do not touch their budgets.
 */
interface Burst {
	name: string;
	rateLimit: { max: number; intervalMs: number };
	workflowId: string;
	path: string;
	webhookId: string;
	credential: { id: string; name: string };
	sandbox?: Sandbox;
}
const BURSTS: Burst[] = [
	{ name: 'default', rateLimit: { max: 100, intervalMs: 10_000 }, workflowId: 'queuePaceDefaul', path: 'queue-pace-default', webhookId: '6e0d9b8c-1f2a-4b3c-8d4e-5f6a7b8c9d02', credential: { id: 'ghlQueuePace001', name: 'Pacing sandbox, default limit' } },
	{ name: 'tight', rateLimit: { max: 10, intervalMs: 2_000 }, workflowId: 'queuePaceTight1', path: 'queue-pace-tight', webhookId: '6e0d9b8c-1f2a-4b3c-8d4e-5f6a7b8c9d04', credential: { id: 'ghlQueuePace002', name: 'Pacing sandbox, tight limit' } },
];
let sandbox: Sandbox;
let queue: QueueTopology;
let polling: Promise<PollingOutcome>;
let bursts: Promise<BurstOutcome[]>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await sleep(500);
	}
	const logs = queue?.processes.map((p) => `--- ${p.name} ---\n${p.output.slice(-3000)}`).join('\n');
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until `workflowId` has `count` executions, all finished; returns them. */
async function finishedExecutions(workflowId: string, count: number, timeoutMs: number) {
	return await waitFor(
		`${count} finished executions of ${workflowId}`,
		async () => {
			const rows = await queue.executions(workflowId);
			return rows.length >= count && rows.every((r) => DONE.has(r.status)) ? rows : undefined;
		},
		timeoutMs,
	);
}

async function post(url: string, body: unknown): Promise<number> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	await response.text();
	return response.status;
}

const webhookUrl = (p: QueueProcess, path: string) => `${p.url}/webhook/${path}`;

interface PollingOutcome {
	contacts: string[];
	tasksPerContact: number[];
	notesPerContact: number[];
	executions: number;
	workers: string[];
}

/**
 * The example "new contact → task + note" polls every minute on main and runs on the workers.
 * Two batches of new contacts, each picked up by a later poll; then one more poll that must
 * deliver nothing again. Runs alongside the other tests (it mostly waits for polls).
 */
async function pollingScenario(): Promise<PollingOutcome> {
	const searches = () => sandbox.requests.filter((r) => r.path === '/contacts/search').length;
	const tasksOf = (id: string) => [...sandbox.state.tasks.values()].filter((t) => t.contactId === id);
	const notesOf = (id: string) => [...sandbox.state.notes.values()].filter((n) => n.contactId === id);
	await waitFor('the activation poll', () => (searches() > 0 ? true : undefined), 60_000);
	const contacts: string[] = [];
	for (const batch of [3, 2]) {
		const created: string[] = [];
		for (let i = 0; i < batch; i++) {
			const response = await fetch(`${sandbox.url}/contacts/`, {
				method: 'POST',
				headers: { authorization: `Bearer ${DEMO.locationPrivateToken}`, version: '2021-07-28', 'content-type': 'application/json' },
				body: JSON.stringify({ locationId: DEMO.locationId, firstName: `Queue ${contacts.length + i}`, email: `queue.poll.${contacts.length + i}@example.com` }),
			});
			if (response.status !== 201) throw new Error(`contact create answered ${response.status}`);
			created.push(((await response.json()) as { contact: { id: string } }).contact.id);
		}
		contacts.push(...created);
		await waitFor('notes on the new contacts', () => (created.every((id) => notesOf(id).length > 0) ? true : undefined), 150_000);
	}
	// One more poll after the last delivery: nothing may come twice.
	const after = searches();
	await waitFor('one more poll', () => (searches() > after ? true : undefined), 150_000);
	await sleep(5000);
	const executions = await queue.executions(NEW_CONTACT);
	return {
		contacts,
		tasksPerContact: contacts.map((id) => tasksOf(id).length),
		notesPerContact: contacts.map((id) => notesOf(id).length),
		executions: executions.length,
		workers: [...new Set(executions.map((e) => queue.workerOf(e.id) ?? 'not on a worker'))].sort(),
	};
}

interface BurstOutcome {
	statuses: number[];
	executions: string[];
	workers: Array<string | undefined>;
	requests: number;
	tooMany: number;
	created: number;
	failedItems: number;
}

/** 10 webhook calls, alternating between the two webhook processors, each starting 50 creates. */
async function runBurst(burst: Burst): Promise<BurstOutcome> {
	const paceSandbox = burst.sandbox!;
	const [one, two] = queue.webhookProcessors;
	const statuses = await Promise.all(
		Array.from({ length: 10 }, (_, run) =>
			post(webhookUrl(run % 2 ? two : one, burst.path), { contacts: Array.from({ length: 50 }, (_, i) => ({ email: `${burst.name}.${run}.${i}@queue.example.com` })) }),
		),
	);
	const runs = await finishedExecutions(burst.workflowId, 10, 600_000);
	const creates = paceSandbox.requests.filter((r) => r.method === 'POST' && r.path === '/contacts/');
	const created = paceSandbox.state.contacts.size;
	const outcome = {
		statuses,
		executions: runs.map((r) => r.status),
		workers: [...new Set(runs.map((r) => queue.workerOf(r.id)))].sort(),
		requests: creates.length,
		tooMany: creates.filter((r) => r.status === 429).length,
		created,
		failedItems: 500 - created,
	};
	console.log(`queue pacing at ${burst.rateLimit.max} / ${burst.rateLimit.intervalMs} ms: ${JSON.stringify({ ...outcome, statuses: undefined, executions: undefined })}`);
	return outcome;
}

beforeAll(async () => {
	for (const burst of BURSTS) burst.sandbox = await startSandbox({ port: 0, seedContacts: 0, requestLogLimit: 100_000, rateLimit: burst.rateLimit });
	sandbox = await startSandbox({ port: 0, seedContacts: 20, requestLogLimit: 100_000, accessTokenTtlSec: ACCESS_TOKEN_TTL_SEC });
	// Room for both bursts (10 executions each) and the other tests' executions on 2 workers.
	queue = await QueueTopology.create(await provisionN8n(), { tarball: packedTarball(), concurrency: 20 });
	const tokens = await oauthTokens(sandbox);
	await queue.main.instance.importCredentials([
		...BURSTS.map((b) => tokenCredential(b.credential, b.sandbox!.url, DEMO.locationPrivateToken, DEMO.locationId)),
		sandboxCredential(sandbox.url),
		oauthCredential(OAUTH_CREDENTIAL, sandbox.url, { ...tokens, access_token: 'expired-access-token-from-an-earlier-day' }),
	]);
	const newContact = loadExamples().filter((w) => w.id === NEW_CONTACT);
	await queue.main.instance.importWorkflows([
		...BURSTS.map((b) => pacingWorkflow(b.workflowId, b.path, b.webhookId, b.credential)),
		oauthWorkflow(OAUTH, OAUTH_CREDENTIAL),
		signedWebhookWorkflow(SIGNED, sandboxWebhookSigner(), EXAMPLE_CREDENTIAL),
		...newContact,
	]);
	await queue.start();
	await queue.publish([...BURSTS.map((b) => b.workflowId), OAUTH, SIGNED, NEW_CONTACT], OWNER);
	polling = pollingScenario();
	bursts = Promise.all(BURSTS.map(runBurst));
	// Awaited by their tests; a failure must not be an unhandled rejection meanwhile.
	polling.catch(() => undefined);
	bursts.catch(() => undefined);
}, 600_000);

afterAll(async () => {
	await queue?.stop();
	for (const burst of BURSTS) await burst.sandbox?.close();
	await sandbox?.close();
}, 120_000);

describe('queue mode: 10 executions × 50 contact creates on 2 workers (both limits at once)', () => {
	const expectPaced = (outcome: BurstOutcome) => {
		expect(outcome.statuses).toEqual(Array(10).fill(200));
		expect(outcome.workers).toEqual(['worker-1', 'worker-2']);
		expect(outcome.executions).toEqual(Array(10).fill('success'));
		expect(outcome.failedItems).toBe(0);
		expect(outcome.created).toBe(500);
		expect(outcome.tooMany / outcome.requests).toBeLessThan(0.01);
	};

	it("at HighLevel's default limit (100 per 10 s): < 1 % answered 429, no item fails", async () => {
		expectPaced((await bursts)[0]);
	}, 600_000);

	it('at a tight limit (10 per 2 s): < 1 % answered 429, no item fails', async () => {
		expectPaced((await bursts)[1]);
	}, 600_000);
});

describe('queue mode: OAuth2 refresh when executions on both workers find the access token expired', () => {
	it('every execution succeeds, no refresh is refused, and the credential stays usable', async () => {
		const rounds: Array<{ refreshes: number; refused: number; workers: string[] }> = [];
		const [one, two] = queue.webhookProcessors;
		let expected = (await queue.executions(OAUTH)).length;
		for (let round = 0; round < 3; round++) {
			// The stored access token has expired by now: each execution's first request answers 401.
			await sleep((ACCESS_TOKEN_TTL_SEC + 1) * 1000);
			const logged = sandbox.requests.length;
			const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => post(webhookUrl(i % 2 ? two : one, OAUTH_PATH), { round, i })));
			expect(statuses).toEqual(Array(6).fill(200));
			expected += 6;
			const runs = (await finishedExecutions(OAUTH, expected, 120_000)).slice(expected - 6);
			const tokenCalls = sandbox.requests.slice(logged).filter((r) => r.path === '/oauth/token');
			rounds.push({ refreshes: tokenCalls.length, refused: tokenCalls.filter((r) => r.status !== 200).length, workers: [...new Set(runs.map((r) => queue.workerOf(r.id) ?? '?'))].sort() });
			expect(runs.map((r) => r.status)).toEqual(Array(6).fill('success'));
		}
		console.log(`queue OAuth2 rounds (6 executions each): ${JSON.stringify(rounds)}`);
		expect(rounds.map((r) => r.refused)).toEqual([0, 0, 0]);
		// Refreshed (the token had expired), once per round: n8n's lock serialises the workers.
		expect(rounds.map((r) => r.refreshes)).toEqual([1, 1, 1]);
		expect(rounds.every((r) => r.workers.length === 2)).toBe(true);
		// The credential still works afterwards (its stored refresh token is the live one).
		await sleep((ACCESS_TOKEN_TTL_SEC + 1) * 1000);
		expect(await post(webhookUrl(queue.main, OAUTH_PATH), { after: true })).toBe(200);
		const last = await finishedExecutions(OAUTH, expected + 1, 120_000);
		expect(last[last.length - 1].status).toBe('success');
	}, 300_000);
});

/**
 * Replay protection across processes: issue 23's replay store. The trigger answers every signed
 * delivery 200 (or 401 for a copy its own process already holds) and decides in the execution's
 * first step, through n8n's database, whether the delivery was seen before; a replay's execution
 * stops there. What counts is what runs after the trigger: each run looks the event's contact up
 * once, so the sandbox counts runs per event.
 */
interface ReplayOutcome {
	executions: number;
	failedExecutions: number;
	runsOfTheConcurrentEvent: number;
	replayedEventsRunTwice: number;
	replayedEventsRunOnce: number;
}

describe('queue mode: signed webhooks delivered to several processes', () => {
	const url = (p: QueueProcess) => `${p.url}/webhook/${SIGNED_WEBHOOK_ID}/gohighlevel`;
	const deliver = async (p: QueueProcess, signed: { body: string; headers: Record<string, string> }) => {
		const response = await fetch(url(p), { method: 'POST', body: signed.body, headers: signed.headers });
		await response.text();
		return response.status;
	};
	const contactCreate = () => signWebhook({ event: { type: 'ContactCreate', id: randomUUID().replace(/-/g, '').slice(0, 20), webhookId: randomUUID() } });
	const runsOf = (event: { event: Record<string, unknown> }) => sandbox.requests.filter((r) => r.path === `/contacts/${String(event.event.id)}`).length;
	let outcome: Promise<ReplayOutcome> | undefined;

	/** 20 identical deliveries at once to both webhook processors; 40 events once, then again 5 s later through main and the other processor. */
	const scenario = async (): Promise<ReplayOutcome> => {
		const [one, two] = queue.webhookProcessors;
		const same = contactCreate();
		const concurrent = await Promise.all(Array.from({ length: 20 }, (_, i) => deliver(i % 2 ? two : one, same)));
		const events = Array.from({ length: 40 }, contactCreate);
		const first = await Promise.all(events.map((e) => deliver(one, e)));
		let accepted = [...concurrent, ...first].filter((s) => s === 200).length;
		await finishedExecutions(SIGNED, accepted, 120_000);
		await sleep(5000);
		const replayed = await Promise.all(events.map((e, i) => deliver(i % 2 ? two : queue.main, e)));
		accepted += replayed.filter((s) => s === 200).length;
		const executions = await finishedExecutions(SIGNED, accepted, 120_000);
		const runs = events.map(runsOf);
		const failed = executions.filter((e) => e.status !== 'success');
		for (const e of failed) {
			const rows = await queue.postgres.query(`select substring(data from position('"message"' in data) for 300) from execution_data where "executionId" = ${Number(e.id)}`);
			console.log(`queue signed webhooks: execution ${e.id} ${e.status} on ${queue.workerOf(e.id) ?? '?'}: ${rows[0]?.[0] ?? ''}`);
		}
		const result = {
			executions: executions.length,
			failedExecutions: executions.filter((e) => e.status !== 'success').length,
			runsOfTheConcurrentEvent: runsOf(same),
			replayedEventsRunTwice: runs.filter((n) => n === 2).length,
			replayedEventsRunOnce: runs.filter((n) => n === 1).length,
		};
		console.log(`queue signed webhooks: ${JSON.stringify(result)}`);
		return result;
	};
	const run = () => (outcome ??= scenario());

	/**
	 * Fails today (issue 23's store, measured on n8n 2.41 with 2 workers): n8n's deduplication store
	 * keeps a node's keys in one `processed_data` row that checkProcessedAndRecord reads, extends and
	 * writes back without a lock, so executions recording at the same moment on two workers lose
	 * each other's keys and those events run again when replayed (13 and 12 of 40 in two runs, 4 of 40 with the ledger of 16c7cf8), and an
	 * execution can fail on the concurrent write. Flip to `it` once the store is atomic across processes.
	 */
	it.failing('one run per webhookId: 20 identical deliveries at once to both webhook processors, 40 events replayed 5 s later through main and the other processor', async () => {
		const result = await run();
		expect(result).toMatchObject({ failedExecutions: 0, runsOfTheConcurrentEvent: 1, replayedEventsRunOnce: 40, replayedEventsRunTwice: 0 });
	}, 300_000);
});

describe('queue mode: the polling trigger on main, executions on the workers', () => {
	it('delivers each new contact exactly once (one task and one note each)', async () => {
		const outcome = await polling;
		console.log(`queue polling: ${JSON.stringify(outcome)}`);
		expect(outcome.contacts).toHaveLength(5);
		expect(outcome.tasksPerContact).toEqual([1, 1, 1, 1, 1]);
		expect(outcome.notesPerContact).toEqual([1, 1, 1, 1, 1]);
		expect(outcome.workers.every((w) => w.startsWith('worker-'))).toBe(true);
	}, 600_000);
});
