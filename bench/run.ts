// `npm run bench`: four figures, each the median of several runs with its ratio to a reference
// measured in the same run, written to bench/RESULTS.md. Everything runs on loopback against the
// in-process sandbox; absolute times on these machines are noise, the ratios are the result.
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IVersionedNodeType } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { DEMO, startSandbox } from '../sandbox';
import { loadPackage, runNode } from '../test/harness';
import { poller } from '../test/engine/triggerFixtures';
import { bytesPerOperation, nodeSizes } from '../scripts/descriptionSize';
import { catalog } from '../scripts/catalog';
import { figure5 } from './latency';
import { ensureReference, REFERENCE_VERSION } from './reference';
import { n8nStartUp } from './startup';
import { n8nHelperReturnAll, ours, rawUndiciReturnAll, runOursReturnAll } from './returnAll';
import type { Measured } from './stats';
import { collectGarbage, measured, median, timed, withPeakRss } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Figure 1 is cheap (well under a second a round) and the machines are noisy: more rounds. */
const RETURN_ALL_RUNS = Number(process.env.BENCH_RETURN_ALL_RUNS ?? 9);
/** `BENCH_FIGURES=1,3` runs only those figures and leaves RESULTS.md alone. */
const FIGURES = new Set((process.env.BENCH_FIGURES ?? '1,2,3,4,5').split(',').map((f) => f.trim()));
const CONTACTS = 10_000;

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

/** Written under the table: how figure 1 is measured (PROFILE.md has where its time goes). */
const RESULTS_NOTES = [
	'Figure 1, how it is measured:',
	'',
	"- Every round runs back to back the raw undici loop, the same requests through n8n's HTTP helper alone, the node and the built-in node, each after a sandbox reset and a full garbage collection (no run pays for another's garbage). An untimed first round loads the packages and compiles the hot code; it also checks that the node sends the same 101 requests as the raw loop (method, path, query, Version header, body and status, as the sandbox logged them) and outputs the same 10,000 records in the same order.",
	"- The raw loop keeps every record, as the node's output does. Until 2026-12-01 it dropped each page once counted (about 6 % less work) and the first, cold round was among the three timed.",
	"- The floor row is what `this.helpers.httpRequest` runs: axios with new agents, hence a new TCP connection, for every request, where undici keeps one connection. A node has to use n8n's helpers and cannot pass an agent, so no node gets below that row; the difference between the node's row and the floor is what the node, its credential and n8n's engine add.",
	'- The machine is shared with other work (load average above): times are medians, and CPU time is less sensitive to that load than wall time. Where the time goes, and why the target of 1.25× is out of reach: bench/PROFILE.md (`npx tsx bench/profile.ts`).',
	'',
].join('\n');

const rows: string[] = [];
function report(figure: string, metric: string, value: string, reference: string, ratio: string) {
	const row = `| ${figure} | ${metric} | ${value} | ${reference} | ${ratio} |`;
	rows.push(row);
	process.stdout.write(`${row}\n`);
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const timing = <T>(m: Measured<T>): Measured<unknown> => ({ ms: m.ms, cpuMs: m.cpuMs, result: undefined });

async function figure1(sandbox: Sandbox) {
	const runOurs = () => runOursReturnAll(sandbox);
	const runBuiltIn = () =>
		runNode({ packageRoot: ensureReference(), nodeType: 'highLevel', parameters: { resource: 'contact', operation: 'getAll', returnAll: true }, credentials: builtIn() });

	// One untimed round first: loading the package and compiling hot code are one-time costs, not
	// throughput. It also proves that all three send the same requests (as the sandbox received
	// them) and return the same records in the same order.
	const sent = () => JSON.stringify(sandbox.requests.map((r) => [r.method, r.path, r.query, r.version, r.body, r.status]));
	sandbox.reset();
	const expected = JSON.stringify(await rawUndiciReturnAll(sandbox));
	const rawRequests = sent();
	sandbox.reset();
	const viaHelper = JSON.stringify(await n8nHelperReturnAll(sandbox));
	const helperRequests = sent();
	sandbox.reset();
	const warm = await runOurs();
	const produced = JSON.stringify(warm.items.map((item) => item.json));
	const checks = { 'node error': !warm.error, 'node records': produced === expected, 'node requests': sent() === rawRequests, 'helper records': viaHelper === expected, 'helper requests': helperRequests === rawRequests };
	const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([what]) => what);
	if (failed.length) throw new UnexpectedError(`Return All: the node and the references differ (${failed.join(', ')})${warm.error ? `: ${warm.error.message}` : ''}`);
	const count = warm.items.length;
	sandbox.reset();
	await runBuiltIn();

	// Only the timings are kept: holding every run's 10,000 records would skew the later runs.
	const raw: Array<Measured<unknown>> = [];
	const helper: Array<Measured<unknown>> = [];
	const mine: Array<Measured<unknown>> = [];
	const reference: number[] = [];
	let myItems = 0;
	let myRequests = 0;
	let myHeap = 0;
	let referenceOutcome = '';
	for (let i = 0; i < RETURN_ALL_RUNS; i++) {
		sandbox.reset();
		raw.push(timing(await measured(() => rawUndiciReturnAll(sandbox))));
		sandbox.reset();
		helper.push(timing(await measured(() => n8nHelperReturnAll(sandbox))));
		sandbox.reset();
		collectGarbage(); // before the memory baseline too
		const m = await withPeakRss(() => measured(runOurs));
		mine.push(timing(m.result));
		myItems = m.result.result.items.length;
		myRequests = sandbox.requests.length;
		myHeap = Math.max(myHeap, m.peakHeapMiB);
		sandbox.reset();
		const b = await timed(runBuiltIn);
		reference.push(b.ms);
		referenceOutcome = b.result.error
			? `fails after ${sandbox.requests.length} requests: ${b.result.error.message.slice(0, 80)}`
			: `${b.result.items.length} contacts, ${sandbox.requests.length} requests`;
	}
	const wall = (runs: Array<Measured<unknown>>) => median(runs.map((r) => r.ms));
	const cpu = (runs: Array<Measured<unknown>>) => median(runs.map((r) => r.cpuMs));
	const rate = (count / 100 + 1) / (wall(raw) / 1000);
	report('1 Return All', `10,000 contacts: GoHighLevel node (${fmt(myItems)} items, ${myRequests} requests, +${fmt(myHeap)} MiB peak heap)`, `${fmt(wall(mine))} ms`, `raw undici ${fmt(wall(raw))} ms (${fmt(rate)} req/s)`, `${fmt(wall(mine) / wall(raw), 2)}× raw`);
	report('1 Return All', 'same runs, CPU time of the process (sandbox included on both sides)', `${fmt(cpu(mine))} ms`, `raw undici ${fmt(cpu(raw))} ms`, `${fmt(cpu(mine) / cpu(raw), 2)}× raw`);
	report('1 Return All', "floor: the same 101 requests through n8n's HTTP helper alone (no node, no engine, no credential)", `${fmt(wall(helper))} ms`, `raw undici ${fmt(wall(raw))} ms`, `${fmt(wall(helper) / wall(raw), 2)}× raw`);
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

async function figure4() {
	const { withPackage, without } = await n8nStartUp(RUNS);
	report('4 Load', `n8n 2.41 start until ready, with the package installed (lazy-loaded: ${actionNodes().length} action nodes, ${catalog().filter((e) => e.kind === 'action').length} actions, ${catalog().filter((e) => e.kind === 'trigger').length} events)`, `${fmt(withPackage / 1000, 2)} s`, `n8n start without it: ${fmt(without / 1000, 2)} s`, `${fmt(withPackage / without, 2)}×`);

	const sizes = nodeSizes();
	const refNode = new (require(join(ensureReference(), 'dist/nodes/HighLevel/HighLevel.node.js')) as { HighLevel: new () => IVersionedNodeType }).HighLevel(); // eslint-disable-line @typescript-eslint/no-require-imports
	const refBytes = Object.values(refNode.nodeVersions).reduce((n, v) => n + JSON.stringify(v.description).length, 0);
	const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
	report('4 Load', `largest node description the editor downloads (${largest.name}, JSON)`, `${fmt(largest.bytes / 1024)} KiB`, `budget 300 KiB; built-in HighLevel node (17 operations): ${fmt(refBytes / 1024)} KiB`, `${fmt(largest.bytes / refBytes, 2)}× built-in`);
	const perOperation = bytesPerOperation(actionNodes());
	report('4 Load', `action node descriptions per operation (${actionNodes().map((s) => `${s.name} ${fmt(s.bytes / 1024)} KiB`).join(', ')})`, `${fmt(perOperation / 1024, 2)} KiB`, `budget 1.2 KiB; built-in HighLevel node: ${fmt(refBytes / 17 / 1024, 2)} KiB`, `${fmt(perOperation / (1.2 * 1024), 2)} of budget`);
}

function actionNodes() {
	return nodeSizes().filter((s) => s.kind === 'action');
}

async function main() {
	ensureReference();
	const sandbox = await startSandbox({ port: 0, seedContacts: CONTACTS, rateLimit: { max: 1_000_000, intervalMs: 1000 }, requestLogLimit: 50_000 });
	await pointReferenceAt(sandbox);
	const loadBefore = loadavg();
	process.stdout.write(`| Figure | Measurement | Result (median) | Reference, same run | Ratio |\n|---|---|---|---|---|\n`);
	try {
		if (FIGURES.has('1')) await figure1(sandbox);
		sandbox.configure({ rateLimit: { max: 1_000_000, intervalMs: 1000 } });
		if (FIGURES.has('3')) await figure3(sandbox);
		if (FIGURES.has('2')) await figure2(sandbox);
		if (FIGURES.has('4')) await figure4();
		if (FIGURES.has('5')) await figure5(report, builtIn);
	} finally {
		await sandbox.close();
	}
	if (FIGURES.size < 5) {
		process.stdout.write('\nsome figures only (BENCH_FIGURES): bench/RESULTS.md left as it is\n');
		return;
	}
	const loadAfter = loadavg();
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	const load = (l: number[]) => l.map((n) => fmt(n, 2)).join(' / ');
	writeFileSync(
		join(__dirname, 'RESULTS.md'),
		[
			'# Benchmark results',
			'',
			`Command: \`npm run bench\`. Medians: figure 1 of ${RETURN_ALL_RUNS} rounds (\`BENCH_RETURN_ALL_RUNS\`), figures 2, 3 and 4 of ${RUNS} runs (\`BENCH_RUNS\`). Machine: ${machine}; load average (1 / 5 / 15 min) ${load(loadBefore)} at the start, ${load(loadAfter)} at the end. Date: ${new Date().toISOString().slice(0, 10)}.`,
			'',
			`All traffic is loopback to the in-process sandbox; the raw undici figure shows the sandbox is not the bottleneck. The built-in node is n8n-nodes-base ${REFERENCE_VERSION}'s HighLevel v2 node, pointed at the sandbox.`,
			'',
			'| Figure | Measurement | Result (median) | Reference, same run | Ratio |',
			'|---|---|---|---|---|',
			...rows,
			'',
			RESULTS_NOTES,
		].join('\n'),
	);
	process.stdout.write('\nwritten to bench/RESULTS.md\n');
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
