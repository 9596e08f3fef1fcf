// `npm run bench`: four figures, each the median of several runs with its ratio to a reference
// measured in the same run, written to bench/RESULTS.md. Everything runs on loopback against the
// in-process sandbox; absolute times on these machines are noise, the ratios are the result.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, IVersionedNodeType } from 'n8n-workflow';
import { Agent, request } from 'undici';

import type { Sandbox } from '../sandbox';
import { DEMO, startSandbox } from '../sandbox';
import { loadPackage, runNode } from '../test/harness';
import { poller } from '../test/engine/triggerFixtures';
import { ensureReference, REFERENCE_VERSION } from './reference';
import { median, timed, withPeakRss } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONTACTS = 10_000;
const root = join(__dirname, '..');

const ours = (sandbox: Sandbox) => ({ type: 'goHighLevelPrivateIntegrationApi', data: { token: DEMO.locationPrivateToken, locationId: DEMO.locationId, baseUrl: sandbox.url } });
const builtIn = () => ({
	type: 'highLevelOAuth2Api',
	data: {
		clientId: DEMO.clientId,
		clientSecret: DEMO.clientSecret,
		oauthTokenData: { access_token: DEMO.locationPrivateToken, token_type: 'Bearer', locationId: DEMO.locationId },
	},
});

async function pointReferenceAt(sandbox: Sandbox): Promise<void> {
	const pkg = await loadPackage(ensureReference());
	const versioned = pkg.getNodeType('highLevel') as IVersionedNodeType;
	for (const node of Object.values(versioned.nodeVersions)) {
		if (node.description.requestDefaults) node.description.requestDefaults.baseURL = sandbox.url;
	}
}

const rows: string[] = [];
function report(figure: string, metric: string, value: string, reference: string, ratio: string) {
	const row = `| ${figure} | ${metric} | ${value} | ${reference} | ${ratio} |`;
	rows.push(row);
	process.stdout.write(`${row}\n`);
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function rawUndiciReturnAll(sandbox: Sandbox): Promise<number> {
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	let searchAfter: unknown;
	let total = 0;
	for (;;) {
		const body: IDataObject = { locationId: DEMO.locationId, pageLimit: 100, ...(searchAfter ? { searchAfter } : { page: 1 }) };
		const response = await request(`${sandbox.url}/contacts/search`, {
			method: 'POST',
			dispatcher: agent,
			headers: { authorization: `Bearer ${DEMO.locationPrivateToken}`, version: '2021-07-28', 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
		});
		const page = (await response.body.json()) as { contacts: Array<{ searchAfter: unknown }> };
		total += page.contacts.length;
		if (page.contacts.length < 100) break;
		searchAfter = page.contacts[page.contacts.length - 1].searchAfter;
	}
	await agent.close();
	return total;
}

async function figure1(sandbox: Sandbox) {
	const raw: number[] = [];
	const mine: number[] = [];
	const reference: number[] = [];
	let rawCount = 0;
	let myCount = 0;
	let myRequests = 0;
	let myRss = 0;
	let referenceOutcome = '';
	for (let i = 0; i < RUNS; i++) {
		sandbox.reset();
		const r = await timed(() => rawUndiciReturnAll(sandbox));
		raw.push(r.ms);
		rawCount = r.result;
		sandbox.reset();
		const m = await withPeakRss(() =>
			timed(() => runNode({ parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'search', returnAll: true }, credentials: ours(sandbox) })),
		);
		mine.push(m.result.ms);
		myCount = m.result.result.items.length;
		myRequests = sandbox.requests.length;
		myRss = Math.max(myRss, m.peakMiB);
		sandbox.reset();
		const b = await timed(() =>
			runNode({ packageRoot: ensureReference(), nodeType: 'highLevel', parameters: { resource: 'contact', operation: 'getAll', returnAll: true }, credentials: builtIn() }),
		);
		reference.push(b.ms);
		referenceOutcome = b.result.error
			? `fails after ${sandbox.requests.length} requests: ${b.result.error.message.slice(0, 80)}`
			: `${b.result.items.length} contacts, ${sandbox.requests.length} requests`;
	}
	const rate = (rawCount / 100 + 1) / (median(raw) / 1000);
	report('1 Return All', `10,000 contacts: GoHighLevel node (${fmt(myCount)} items, ${myRequests} requests, +${fmt(myRss)} MiB peak RSS)`, `${fmt(median(mine))} ms`, `raw undici ${fmt(median(raw))} ms (${fmt(rate)} req/s)`, `${fmt(median(mine) / median(raw), 2)}× raw`);
	report('1 Return All', `built-in HighLevel node ${REFERENCE_VERSION} (Get Many, Return All)`, `${fmt(median(reference))} ms`, referenceOutcome, '—');
}

async function figure2(sandbox: Sandbox) {
	const max = 100;
	const intervalMs = 1000;
	const updates = 1000;
	const contacts = [...sandbox.state.contacts.values()].slice(0, updates).map((c) => ({ json: { id: c.id } }));
	const rates: number[] = [];
	let tooMany = 0;
	let failed = 0;
	for (let i = 0; i < RUNS; i++) {
		sandbox.reset();
		sandbox.configure({ rateLimit: { max, intervalMs } });
		const run = await timed(() =>
			runNode({
				parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'update', contactId: { __rl: true, mode: 'id', value: '={{$json.id}}' }, updateFields: { city: `Bench ${i}` } },
				credentials: ours(sandbox),
				inputItems: contacts,
				continueOnFail: true,
			}),
		);
		rates.push(updates / (run.ms / 1000) / (max / (intervalMs / 1000)));
		tooMany = Math.max(tooMany, sandbox.requests.filter((r) => r.status === 429).length);
		failed = Math.max(failed, run.result.items.filter((item) => item.json.error).length);
	}
	report('2 Rate limit', `${updates} updates at ${max} req / ${intervalMs} ms: GoHighLevel node (${tooMany} × 429, ${failed} failed items)`, `${fmt(median(rates) * 100, 1)} % of allowed rate`, 'target ≥ 95 %, 429s < 1 %', `${fmt(median(rates), 2)}`);

	sandbox.reset();
	sandbox.configure({ rateLimit: { max, intervalMs } });
	const reference = await timed(() =>
		runNode({
			packageRoot: ensureReference(),
			nodeType: 'highLevel',
			parameters: { resource: 'contact', operation: 'update', contactId: '={{$json.id}}', updateFields: { city: 'Bench ref' } },
			credentials: builtIn(),
			inputItems: contacts,
			continueOnFail: true,
		}),
	);
	const refFailed = reference.result.items.filter((item) => item.json.error).length + (reference.result.error ? updates : 0);
	const ref429 = sandbox.requests.filter((r) => r.status === 429).length;
	report('2 Rate limit', `built-in HighLevel node ${REFERENCE_VERSION}, same updates`, `${fmt(updates / (reference.ms / 1000) / max * 100, 1)} % of allowed rate`, `${ref429} × 429, ${refFailed} failed items`, '—');
}

async function figure3(sandbox: Sandbox) {
	sandbox.reset();
	const trigger = poller(sandbox, 'contact:search', { emit: 'newOrUpdated' });
	await trigger.poll();
	const idleRequests: number[] = [];
	const idleMs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const before = sandbox.requests.length;
		const t = await timed(() => trigger.poll());
		idleMs.push(t.ms);
		idleRequests.push(sandbox.requests.length - before);
	}
	const contacts = [...sandbox.state.contacts.values()];
	const changeRequests: number[] = [];
	const changeMs: number[] = [];
	let emitted = 0;
	for (let i = 0; i < RUNS; i++) {
		const now = Date.now() + i;
		for (let k = 0; k < 100; k++) {
			const c = contacts[(i * 100 + k * 97) % contacts.length];
			sandbox.state.contacts.set(c.id, { ...c, city: `Changed ${i}-${k}`, dateUpdated: new Date(now).toISOString() });
		}
		const before = sandbox.requests.length;
		const t = await timed(() => trigger.poll());
		changeMs.push(t.ms);
		changeRequests.push(sandbox.requests.length - before);
		emitted = t.result?.length ?? 0;
	}
	const naive = await timed(() => rawUndiciReturnAll(sandbox));
	report('3 Polling', `idle poll, contacts search (${fmt(CONTACTS)} contacts)`, `${median(idleRequests)} request, ${fmt(median(idleMs))} ms`, `listing everything: ${Math.ceil(CONTACTS / 100) + 1} requests, ${fmt(naive.ms)} ms`, `${fmt(median(idleRequests) / (Math.ceil(CONTACTS / 100) + 1), 3)}× requests`);
	report('3 Polling', `poll after 100 changes (${emitted} emitted)`, `${median(changeRequests)} requests, ${fmt(median(changeMs))} ms`, `listing everything: ${fmt(naive.ms)} ms`, `${fmt(median(changeMs) / naive.ms, 2)}× time`);
	report('3 Polling', 'static data at 10,000 contacts', `${trigger.cursorBytes()} bytes`, 'target ≤ 2,048 bytes', `${fmt(trigger.cursorBytes() / 2048, 2)}`);
}

function requireMs(files: string[]): number {
	const script = `const t=process.hrtime.bigint();${files.map((f) => `require(${JSON.stringify(f)});`).join('')}console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).trim());
}

async function figure4() {
	const ourFiles = [join(root, 'dist/nodes/GoHighLevel/GoHighLevel.node.js'), join(root, 'dist/nodes/GoHighLevel/GoHighLevelTrigger.node.js')];
	const refFile = [join(ensureReference(), 'dist/nodes/HighLevel/HighLevel.node.js')];
	const mine = median(Array.from({ length: RUNS + 2 }, () => requireMs(ourFiles)));
	const reference = median(Array.from({ length: RUNS + 2 }, () => requireMs(refFile)));
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { GoHighLevel } = require(ourFiles[0]);
	const { GoHighLevelTrigger } = require(ourFiles[1]);
	const { HighLevel } = require(refFile[0]);
	/* eslint-enable @typescript-eslint/no-require-imports */
	const ourBytes = JSON.stringify(new GoHighLevel().description).length + JSON.stringify(new GoHighLevelTrigger().description).length;
	const refNode = new HighLevel();
	const refBytes = Object.values(refNode.nodeVersions as Record<string, { description: object }>).reduce((n, v) => n + JSON.stringify(v.description).length, 0);
	report('4 Load', 'require() of both built nodes (124 actions + 55 events)', `${fmt(mine, 1)} ms`, `built-in HighLevel node: ${fmt(reference, 1)} ms`, `${fmt(mine / reference, 2)}×`);
	report('4 Load', 'node descriptions the editor downloads (JSON)', `${fmt(ourBytes / 1024)} KiB`, `built-in HighLevel node (17 operations): ${fmt(refBytes / 1024)} KiB`, `${fmt(ourBytes / refBytes, 2)}×`);
}

async function main() {
	ensureReference();
	const sandbox = await startSandbox({ port: 0, seedContacts: CONTACTS, rateLimit: { max: 1_000_000, intervalMs: 1000 }, requestLogLimit: 50_000 });
	await pointReferenceAt(sandbox);
	process.stdout.write(`| Figure | Measurement | Result (median of ${RUNS}) | Reference, same run | Ratio |\n|---|---|---|---|---|\n`);
	try {
		await figure1(sandbox);
		sandbox.configure({ rateLimit: { max: 1_000_000, intervalMs: 1000 } });
		await figure3(sandbox);
		await figure2(sandbox);
		await figure4();
	} finally {
		await sandbox.close();
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	writeFileSync(
		join(__dirname, 'RESULTS.md'),
		`# Benchmark results\n\nCommand: \`npm run bench\` (median of ${RUNS} runs each; \`BENCH_RUNS\` changes it). Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.\n\nAll traffic is loopback to the in-process sandbox; the raw undici figure shows the sandbox is not the bottleneck. The built-in node is n8n-nodes-base ${REFERENCE_VERSION}'s HighLevel v2 node, pointed at the sandbox.\n\n| Figure | Measurement | Result (median of ${RUNS}) | Reference, same run | Ratio |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
	);
	process.stdout.write('\nwritten to bench/RESULTS.md\n');
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
