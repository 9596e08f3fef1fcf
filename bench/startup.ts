// Figure 4's start-up measurement: `n8n start` of the provisioned n8n 2.41 until it answers
// /healthz/readiness, on a user folder with this package installed (as a community package, from
// `npm pack`) and on one without it. Each folder is started once untimed first (database migrations).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { N8nInstance } from '../scripts/n8n/instance';
import { freshUserFolder, packPackage } from '../scripts/n8n/package';
import { LOCAL } from '../scripts/n8n/paths';
import { provisionN8n } from '../scripts/n8n/provision';
import { median } from './stats';

async function startMs(folder: string): Promise<number> {
	const n8n = await N8nInstance.create(await provisionN8n(), folder, { N8N_LOG_LEVEL: 'warn' });
	const started = performance.now();
	try {
		await n8n.start();
		return performance.now() - started;
	} finally {
		await n8n.stop();
	}
}

/** Median start-up times (ms) with and without the package; rounds alternate so both see the same load. */
export async function n8nStartUp(rounds: number): Promise<{ withPackage: number; without: number }> {
	const withPackage = freshUserFolder('bench-start-with', packPackage());
	mkdirSync(join(LOCAL, 'tmp'), { recursive: true });
	const without = mkdtempSync(join(LOCAL, 'tmp', 'bench-start-without-'));
	await startMs(withPackage);
	await startMs(without);
	const times = { withPackage: [] as number[], without: [] as number[] };
	for (let round = 0; round < rounds; round++) {
		times.withPackage.push(await startMs(withPackage));
		times.without.push(await startMs(without));
	}
	return { withPackage: median(times.withPackage), without: median(times.without) };
}
