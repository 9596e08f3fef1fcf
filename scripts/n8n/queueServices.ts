// The two services n8n's queue mode needs, each throwaway: a PostgreSQL cluster (initdb/pg_ctl
// from Debian's postgresql package) and a redis-server, on free loopback ports, with their data in
// a temporary directory that stop() removes. PostgreSQL refuses to run as root, so as root the
// cluster belongs to the `postgres` user the Debian package creates.
import type { ChildProcess } from 'node:child_process';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from './instance';

const run = promisify(execFile);

/** The newest /usr/lib/postgresql/<version>/bin that has initdb. */
export function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): no /usr/lib/postgresql/*/bin/initdb');
	return join(root, versions[0], 'bin');
}

export function redisBin(): string {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(candidate)) return candidate;
	throw new Error('redis-server is not installed (apt-get install -y redis-server)');
}

export class Postgres {
	readonly user = 'n8n';
	readonly database = 'n8n';

	private constructor(
		readonly port: number,
		private readonly dir: string,
		private readonly bin: string,
	) {}

	/** Runs a PostgreSQL binary, as `postgres` when we are root. */
	private static async pg(bin: string, tool: string, args: string[]): Promise<string> {
		const asRoot = userInfo().uid === 0;
		const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
		const { stdout } = await run(command, fullArgs, { timeout: 120_000, cwd: '/' });
		return stdout;
	}

	static async start(): Promise<Postgres> {
		const bin = postgresBin();
		const dir = mkdtempSync(join(tmpdir(), 'n8n-queue-pg-'));
		if (userInfo().uid === 0) {
			const { stdout } = await run('id', ['-u', 'postgres']);
			const { stdout: gid } = await run('id', ['-g', 'postgres']);
			chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
		}
		const port = await freePort();
		const data = join(dir, 'data');
		const pg = new Postgres(port, dir, bin);
		try {
			await Postgres.pg(bin, 'initdb', ['-D', data, '-U', pg.user, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
			// Throwaway data: no fsync; sockets in the temporary directory, not /var/run.
			const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
			await Postgres.pg(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
			await Postgres.pg(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', pg.user, pg.database]);
		} catch (error) {
			await pg.stop();
			throw error;
		}
		return pg;
	}

	/** Rows of a query, columns split on tabs. */
	async query(sql: string): Promise<string[][]> {
		const { stdout } = await run(join(this.bin, 'psql'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', this.user, '-d', this.database, '-At', '-F', '\t', '-c', sql], {
			timeout: 60_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		return stdout
			.split('\n')
			.filter((line) => line.length)
			.map((line) => line.split('\t'));
	}

	/** n8n's connection settings for this cluster. */
	get env(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	/** For a process that is exiting (no more async work): stop at once and remove the data. */
	stopSync(): void {
		const data = join(this.dir, 'data');
		try {
			const asRoot = userInfo().uid === 0;
			const args = ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'];
			if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(this.bin, 'pg_ctl'), ...args], { stdio: 'ignore', cwd: '/' });
			else execFileSync(join(this.bin, 'pg_ctl'), args, { stdio: 'ignore' });
		} catch {
			// not running
		}
		rmSync(this.dir, { recursive: true, force: true });
	}

	async stop(): Promise<void> {
		const data = join(this.dir, 'data');
		if (existsSync(join(data, 'postmaster.pid'))) {
			await Postgres.pg(this.bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
		}
		rmSync(this.dir, { recursive: true, force: true });
	}
}

export class Redis {
	private constructor(
		readonly port: number,
		private readonly dir: string,
		private readonly child: ChildProcess,
	) {}

	static async start(): Promise<Redis> {
		const dir = mkdtempSync(join(tmpdir(), 'n8n-queue-redis-'));
		const port = await freePort();
		// No persistence: the queue lives as long as the topology.
		const child = spawn(redisBin(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
		child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
		const redis = new Redis(port, dir, child);
		const deadline = Date.now() + 20_000;
		while (!/Ready to accept connections/.test(output)) {
			if (child.exitCode !== null || Date.now() > deadline) {
				await redis.stop();
				throw new Error(`redis-server did not start\n${output}`);
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		return redis;
	}

	killSync(): void {
		this.child.kill('SIGKILL');
		rmSync(this.dir, { recursive: true, force: true });
	}

	get env(): NodeJS.ProcessEnv {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (child.exitCode === null && child.signalCode === null) {
			await new Promise<void>((resolveStop) => {
				const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				child.once('exit', () => {
					clearTimeout(killer);
					resolveStop();
				});
				child.kill('SIGTERM');
			});
		}
		rmSync(this.dir, { recursive: true, force: true });
	}
}
