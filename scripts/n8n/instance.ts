// One real n8n on a user folder of its own: CLI commands (import, publish, execute) and `n8n start`.
// Shared by `npm start` and the end-to-end tests.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { Provisioned } from './provision';

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

export interface InstanceOptions {
	userFolder: string;
	/** Editor / REST port of `n8n start`. */
	port: number;
	/** Port of the task runner broker: each instance needs its own. */
	brokerPort: number;
	/** Extra environment (e.g. log level). */
	env?: NodeJS.ProcessEnv;
}

export class N8nInstance {
	readonly url: string;
	private server?: ChildProcess;
	private serverOutput = '';

	constructor(
		private readonly runtime: Provisioned,
		readonly options: InstanceOptions,
	) {
		this.url = `http://localhost:${options.port}`;
	}

	static async create(runtime: Provisioned, userFolder: string, env: NodeJS.ProcessEnv = {}): Promise<N8nInstance> {
		return new N8nInstance(runtime, { userFolder, port: await freePort(), brokerPort: await freePort(), env });
	}

	get env(): NodeJS.ProcessEnv {
		// Not jest's NODE_ENV=test and worker ids: n8n changes behaviour under them.
		const { NODE_ENV: _nodeEnv, JEST_WORKER_ID: _worker, ...inherited } = this.runtime.env;
		return {
			...inherited,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.options.brokerPort),
			N8N_ENCRYPTION_KEY: 'n8n-nodes-gohighlevel-local-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// `execute --rawOutput` prints its JSON at log level info only.
			N8N_LOG_LEVEL: 'info',
			...this.options.env,
		};
	}

	/** Runs an n8n CLI command to its end. */
	async command(args: string[], timeoutMs = 120_000): Promise<CommandResult> {
		return await new Promise((resolveResult, reject) => {
			const child = spawn(this.runtime.node, [this.runtime.n8n, ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
			child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolveResult({ code, stdout, stderr });
			});
		});
	}

	private async checked(args: string[]): Promise<CommandResult> {
		const result = await this.command(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.options.userFolder, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.checked(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		const file = join(this.options.userFolder, 'import-workflows.json');
		writeFileSync(file, JSON.stringify(workflows));
		await this.checked(['import:workflow', `--input=${file}`]);
	}

	async publish(workflowId: string): Promise<void> {
		await this.checked(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute --id --rawOutput`: the run data n8n printed, and whether the execution succeeded. */
	async execute(workflowId: string): Promise<{ ok: boolean; run: ExecutionRun; output: string }> {
		const result = await this.command(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = `${result.stdout}\n${result.stderr}`;
		const start = result.stdout.search(/^\{/m);
		if (start < 0) throw new Error(`n8n execute printed no run data (exit ${result.code})\n${output}`);
		// Pretty-printed: the object ends at the first line that is a lone "}"; log lines may follow.
		const end = result.stdout.slice(start).search(/^\}$/m);
		const json = end < 0 ? result.stdout.slice(start) : result.stdout.slice(start, start + end + 1);
		return { ok: result.code === 0, run: JSON.parse(json) as ExecutionRun, output };
	}

	/** `n8n start`; resolves once the editor answers. */
	async start(timeoutMs = 120_000, onOutput?: (line: string) => void): Promise<void> {
		const child = spawn(this.runtime.node, [this.runtime.n8n, 'start'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server = child;
		const keep = (c: Buffer) => {
			const text = c.toString();
			this.serverOutput = (this.serverOutput + text).slice(-200_000);
			if (onOutput) for (const line of text.split('\n')) if (line.trim()) onOutput(line);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n start exited ${child.exitCode}\n${this.serverOutput}`);
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n start did not become ready in ${timeoutMs} ms\n${this.serverOutput}`);
	}

	get output(): string {
		return this.serverOutput;
	}

	/** Stops `n8n start` (SIGTERM, then SIGKILL after 20 s). */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((resolveStop) => {
			const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			child.once('exit', () => {
				clearTimeout(killer);
				resolveStop();
			});
			child.kill('SIGTERM');
		});
	}

	/** Sets up the owner account through the REST API (what the first-run form does). */
	async setupOwner(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	}
}

/** The parts of n8n's IRun that the tests read. */
export interface ExecutionRun {
	data: {
		resultData: {
			error?: { message: string; description?: string; node?: { name: string } };
			runData: Record<string, Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		};
	};
	status?: string;
}

/** Items a node output in a run (first run, first output). */
export function outputOf(run: ExecutionRun, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	if (runs[0].error) throw new Error(`node "${nodeName}" failed: ${runs[0].error.message}`);
	return (runs[0].data?.main[0] ?? []).map((item) => item.json);
}
