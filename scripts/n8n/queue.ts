// n8n in queue mode, the way people outgrow one process: a main instance (editor, REST, polling
// triggers, production webhooks too), `n8n worker`s that run the executions and `n8n webhook`
// processors that receive production webhooks, sharing one Redis and one PostgreSQL. Each process
// has its own user folder with this package installed as a community package; they share the
// encryption key, so credentials written by one are readable by all.
// Shared by `npm run start:queue` (scripts/n8n/queueStart.ts) and test/e2e/queue.test.ts.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

import { N8nInstance, freePort } from './instance';
import { freshUserFolder } from './package';
import type { Provisioned } from './provision';
import { Postgres, Redis } from './queueServices';

export type Role = 'main' | 'worker' | 'webhook';

export interface QueueOptions {
	/** Tarball of the package (packPackage()). */
	tarball: string;
	workers?: number;
	webhookProcessors?: number;
	/** Concurrent executions per worker (n8n's default is 10). */
	concurrency?: number;
	/** Main's editor port (default: a free one). */
	mainPort?: number;
	/** Extra environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
	/** Every output line of every n8n process, prefixed with its name. */
	onOutput?: (name: string, line: string) => void;
}

/** One long-running n8n process of the topology. */
export class QueueProcess {
	private child?: ChildProcess;
	private log = '';

	constructor(
		readonly name: string,
		readonly role: Role,
		readonly instance: N8nInstance,
		/** Port answering /healthz/readiness (a worker's health server). */
		private readonly healthPort: number,
		private readonly runtime: Provisioned,
		private readonly concurrency: number,
	) {}

	get url(): string {
		return this.instance.url;
	}

	get output(): string {
		return this.log;
	}

	async start(timeoutMs: number, onOutput?: (name: string, line: string) => void): Promise<void> {
		const args = this.role === 'main' ? ['start'] : this.role === 'worker' ? ['worker', `--concurrency=${this.concurrency}`] : ['webhook'];
		const child = spawn(this.runtime.node, [this.runtime.n8n, ...args], { env: this.instance.env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.child = child;
		const keep = (c: Buffer) => {
			const text = c.toString();
			this.log = (this.log + text).slice(-400_000);
			if (onOutput) for (const line of text.split('\n')) if (line.trim()) onOutput(this.name, line);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`${this.name} (n8n ${args.join(' ')}) exited ${child.exitCode}\n${this.log.slice(-5000)}`);
			try {
				if ((await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`${this.name} did not become ready in ${timeoutMs} ms\n${this.log.slice(-5000)}`);
	}

	killSync(): void {
		this.child?.kill('SIGKILL');
	}

	/** SIGTERM (n8n finishes running executions), SIGKILL after 20 s. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolveStop) => {
			const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			child.once('exit', () => {
				clearTimeout(killer);
				resolveStop();
			});
			child.kill('SIGTERM');
		});
	}
}

export class QueueTopology {
	private constructor(
		readonly postgres: Postgres,
		readonly redis: Redis,
		readonly main: QueueProcess,
		readonly workers: QueueProcess[],
		readonly webhookProcessors: QueueProcess[],
		private readonly folders: string[],
		private readonly onOutput?: (name: string, line: string) => void,
	) {}

	/** Starts PostgreSQL and Redis and prepares the n8n processes (not started: import first). */
	static async create(runtime: Provisioned, options: QueueOptions): Promise<QueueTopology> {
		const postgres = await Postgres.start();
		let redis: Redis | undefined;
		try {
			redis = await Redis.start();
			const shared: NodeJS.ProcessEnv = {
				...postgres.env,
				...redis.env,
				EXECUTIONS_MODE: 'queue',
				// Manual runs from the editor go to the workers too, as in a real queue set-up.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_LOG_LEVEL: 'info',
				...options.env,
			};
			const folders: string[] = [];
			const make = async (name: string, role: Role, port?: number): Promise<QueueProcess> => {
				const folder = freshUserFolder(`queue-${name}`, options.tarball);
				folders.push(folder);
				const instancePort = port ?? (await freePort());
				const healthPort = role === 'worker' ? await freePort() : instancePort;
				const env = role === 'worker' ? { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) } : shared;
				const instance = new N8nInstance(runtime, { userFolder: folder, port: instancePort, brokerPort: await freePort(), env });
				return new QueueProcess(name, role, instance, healthPort, runtime, options.concurrency ?? 10);
			};
			const main = await make('main', 'main', options.mainPort);
			const workers: QueueProcess[] = [];
			for (let i = 1; i <= (options.workers ?? 2); i++) workers.push(await make(`worker-${i}`, 'worker'));
			const webhooks: QueueProcess[] = [];
			for (let i = 1; i <= (options.webhookProcessors ?? 2); i++) webhooks.push(await make(`webhook-${i}`, 'webhook'));
			const topology = new QueueTopology(postgres, redis, main, workers, webhooks, folders, options.onOutput);
			// If the caller dies without stop() (a killed test run), take nothing down with us left running.
			process.once('exit', () => topology.killSync());
			return topology;
		} catch (error) {
			await redis?.stop();
			await postgres.stop();
			throw error;
		}
	}

	get processes(): QueueProcess[] {
		return [this.main, ...this.workers, ...this.webhookProcessors];
	}

	/**
	 * Starts all n8n processes at once. Run an n8n CLI command first (an import): it migrates the
	 * empty database, which the processes must not do concurrently.
	 */
	async start(timeoutMs = 240_000): Promise<void> {
		await Promise.all(this.processes.map((p) => p.start(timeoutMs, this.onOutput)));
	}

	private killSync(): void {
		for (const p of this.processes) p.killSync();
		this.redis.killSync();
		this.postgres.stopSync();
		for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
	}

	/** Stops every n8n process, then Redis and PostgreSQL, and removes their data. */
	async stop(): Promise<void> {
		await Promise.all(this.processes.map((p) => p.stop().catch(() => undefined)));
		await this.redis.stop().catch(() => undefined);
		await this.postgres.stop().catch(() => undefined);
		for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
	}

	/**
	 * Publishes workflows through main's REST API, as the editor's Publish button does (after
	 * start()): one n8n boot fewer per workflow than `n8n publish:workflow`. Sets up the owner.
	 */
	async publish(workflowIds: string[], owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void> {
		const headers = { 'content-type': 'application/json', 'browser-id': 'queue-topology' };
		let setup = await fetch(`${this.main.url}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify(owner) });
		if (!setup.ok) setup = await fetch(`${this.main.url}/rest/login`, { method: 'POST', headers, body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }) });
		if (!setup.ok) throw new Error(`owner setup / login failed: ${setup.status} ${await setup.text()}`);
		const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
		const authed = { ...headers, cookie };
		for (const id of workflowIds) {
			const workflow = await fetch(`${this.main.url}/rest/workflows/${id}`, { headers: authed });
			if (!workflow.ok) throw new Error(`GET workflow ${id}: ${workflow.status} ${await workflow.text()}`);
			const { data } = (await workflow.json()) as { data: { versionId: string } };
			const activated = await fetch(`${this.main.url}/rest/workflows/${id}/activate`, { method: 'POST', headers: authed, body: JSON.stringify({ versionId: data.versionId }) });
			if (!activated.ok) throw new Error(`publishing workflow ${id} failed: ${activated.status} ${await activated.text()}`);
		}
	}

	/** Executions of a workflow as n8n stored them: id and status. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string; finished: boolean }>> {
		const rows = await this.postgres.query(`select id, status, finished from execution_entity where "workflowId" = '${workflowId.replace(/'/g, "''")}' order by id`);
		return rows.map(([id, status, finished]) => ({ id, status, finished: finished === 't' }));
	}

	/** Which worker ran each execution, from the workers' logs. */
	workerOf(executionId: string): string | undefined {
		return this.workers.find((w) => new RegExp(`execution ${executionId}\\b`).test(w.output))?.name;
	}
}
