// Where figure 1's time goes. Runs the Return All variants interleaved against the in-process
// sandbox and prints the median wall and CPU time of each; optionally samples one variant with
// V8's CPU profiler (only while it runs: not the sandbox resets between runs) and prints its self
// time by area and its hottest functions.
//
//   npx tsx bench/profile.ts                                  # all variants, 15 rounds
//   PROFILE_VARIANTS=raw,node PROFILE_ROUNDS=25 npx tsx bench/profile.ts
//   PROFILE_CPU=node npx tsx bench/profile.ts                 # + CPU profile of the node's runs
//   PROFILE_PACKAGE_ROOTS=/tmp/old PROFILE_VARIANTS=raw,node,node@/tmp/old npx tsx bench/profile.ts
//
// Variants: raw (undici, one keep-alive connection, as figure 1's reference), raw-discard (the
// same, dropping each page once counted, as that reference did before 2026-12), helper (n8n's HTTP
// helper alone), node (the node in n8n-core's engine, as figure 1), node-function-auth (the same
// with the credential's declarative `authenticate` replaced by an equivalent function: what the
// per-request expression costs), node-one-page (Return All off, limit 1: the fixed cost of one
// execution).
import { Session } from 'node:inspector/promises';

import type { ICredentialType } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { loadPackage, runNode } from '../test/harness';
import { n8nHelperReturnAll, ours, rawUndiciReturnAll, runOursReturnAll } from './returnAll';
import { collectGarbage, measured, median } from './stats';

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 15);
/** Rounds left out of the medians and the profile (package loading, compilation). */
const WARMUP = 2;

async function withFunctionAuth<T>(run: () => Promise<T>): Promise<T> {
	const type: ICredentialType = (await loadPackage()).getCredentialType('goHighLevelPrivateIntegrationApi');
	const declared = type.authenticate;
	type.authenticate = async (credentials, options) => ({ ...options, headers: { ...options.headers, Authorization: `Bearer ${String(credentials.token)}` } });
	try {
		return await run();
	} finally {
		type.authenticate = declared;
	}
}

const variants: Record<string, (sandbox: Sandbox) => Promise<unknown>> = {
	raw: rawUndiciReturnAll,
	'raw-discard': (sandbox) => rawUndiciReturnAll(sandbox, true),
	helper: n8nHelperReturnAll,
	node: (sandbox) => runOursReturnAll(sandbox),
	'node-function-auth': (sandbox) => withFunctionAuth(() => runOursReturnAll(sandbox)),
	'node-one-page': (sandbox) =>
		runNode({ parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'search', returnAll: false, limit: 1 }, credentials: ours(sandbox) }),
};

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
}

/** Self time of a V8 CPU profile by area: our node, n8n, HTTP client, sandbox, GC, the rest. */
function byArea(profile: Profile, rounds: number): Array<[string, number]> {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const areas = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const { url, functionName } = nodes.get(id)!.callFrame;
		const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
		let area: string;
		if (pkg) area = pkg;
		else if (url.includes('/dist/nodes/')) area = 'this package (dist/nodes)';
		else if (url.includes('/sandbox/')) area = 'sandbox (server side)';
		else if (url.includes('/test/harness/')) area = 'test harness (credentials helper, workflow)';
		else if (url.startsWith('node:')) area = 'Node.js internals';
		else if (!url) area = functionName.startsWith('(') ? functionName : 'native (sockets, JSON, builtins)';
		else area = 'other';
		areas.set(area, (areas.get(area) ?? 0) + profile.timeDeltas[i] / 1000 / rounds);
	});
	return [...areas.entries()].sort((a, b) => b[1] - a[1]);
}

function hottest(profile: Profile, rounds: number): Array<[string, number]> {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const { url, functionName } = nodes.get(id)!.callFrame;
		const where = url ? url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/|^.*\/(?=(?:dist|sandbox|test|bench)\/)/, '') : '';
		const key = `${functionName || '(anonymous)'} ${where}`.trim();
		self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000 / rounds);
	});
	return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

// Another build of the package (e.g. a checkout of an older commit, built) as variant `node@<root>`.
for (const root of (process.env.PROFILE_PACKAGE_ROOTS ?? '').split(',').filter(Boolean)) {
	variants[`node@${root}`] = (sandbox) => runOursReturnAll(sandbox, root);
}

async function main() {
	const chosen = (process.env.PROFILE_VARIANTS ?? Object.keys(variants).join(',')).split(',');
	const profiled = process.env.PROFILE_CPU;
	const sandbox = await startSandbox({ port: 0, seedContacts: 10_000, rateLimit: { max: 1_000_000, intervalMs: 1000 }, requestLogLimit: 50_000 });
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	const times = new Map<string, { ms: number[]; cpuMs: number[] }>(chosen.map((name) => [name, { ms: [], cpuMs: [] }]));
	try {
		for (let round = 0; round < ROUNDS; round++) {
			for (const name of chosen) {
				sandbox.reset();
				const sampling = name === profiled && round >= WARMUP;
				collectGarbage();
				if (sampling) await session.post('Profiler.start');
				const m = await measured(() => variants[name](sandbox), false);
				if (sampling) {
					const { profile } = await session.post('Profiler.stop');
					merge(profile as unknown as Profile);
				}
				if (round < WARMUP) continue;
				times.get(name)!.ms.push(m.ms);
				times.get(name)!.cpuMs.push(m.cpuMs);
			}
		}
	} finally {
		await sandbox.close();
	}
	const base = times.get(chosen[0])!;
	process.stdout.write(`median of ${ROUNDS - WARMUP} rounds; ratios to ${chosen[0]}\n`);
	for (const [name, t] of times) {
		process.stdout.write(
			`${name.padEnd(20)} wall ${median(t.ms).toFixed(1).padStart(7)} ms ${(median(t.ms) / median(base.ms)).toFixed(2)}×   cpu ${median(t.cpuMs).toFixed(1).padStart(7)} ms ${(median(t.cpuMs) / median(base.cpuMs)).toFixed(2)}×\n`,
		);
	}
	if (merged) {
		const rounds = ROUNDS - WARMUP;
		process.stdout.write(`\nself time of "${profiled}" by area, ms per round (the sandbox serves in the same process):\n`);
		for (const [area, ms] of byArea(merged, rounds)) if (ms >= 0.5) process.stdout.write(`${ms.toFixed(1).padStart(8)}  ${area}\n`);
		process.stdout.write(`\nhottest functions (self time, ms per round):\n`);
		for (const [fn, ms] of hottest(merged, rounds).slice(0, Number(process.env.PROFILE_TOP ?? 25))) process.stdout.write(`${ms.toFixed(1).padStart(8)}  ${fn}\n`);
	}
}

type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
let merged: Profile | undefined;
/** Concatenates the profiles of each round (node ids are made unique per round). */
function merge(profile: Profile): void {
	// The first sample spans the profiler's own start-up (the inspector's \`dispatch\`).
	if (profile.timeDeltas.length) profile.timeDeltas[0] = 0;
	if (!merged) {
		merged = profile;
		return;
	}
	const offset = Math.max(...merged.nodes.map((n) => n.id));
	const shifted = profile.nodes.map((n) => ({ ...n, id: n.id + offset, children: (n as { children?: number[] }).children?.map((c) => c + offset) }));
	merged = {
		nodes: [...merged.nodes, ...shifted],
		samples: [...merged.samples, ...profile.samples.map((s) => s + offset)],
		timeDeltas: [...merged.timeDeltas, ...profile.timeDeltas],
		startTime: merged.startTime,
		endTime: merged.endTime + (profile.endTime - profile.startTime),
	};
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
