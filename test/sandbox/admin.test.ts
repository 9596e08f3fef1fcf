// Admin endpoints under /__sandbox/ and the CLI.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { call } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 8 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const admin = async (method: string, path: string, json?: unknown) => {
	const res = await fetch(`${sandbox.url}/__sandbox/${path}`, {
		method,
		headers: json === undefined ? {} : { 'Content-Type': 'application/json' },
		body: json === undefined ? undefined : JSON.stringify(json),
	});
	return { status: res.status, body: (await res.json()) as any };
};

describe('admin endpoints', () => {
	it('reports health', async () => {
		const res = await admin('GET', 'health');
		expect(res).toMatchObject({ status: 200, body: { ok: true, url: sandbox.url, contacts: 8 } });
	});

	it('issues tokens, seeds contacts, and shows state and the log without logging itself', async () => {
		const { body } = await admin('POST', 'tokens', { userType: 'Location', locationId: DEMO.locationId, scopes: ['contacts.readonly'] });
		const contacts = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}`, { token: body.access_token });
		expect(contacts.status).toBe(200);
		expect((await admin('POST', 'tokens', { userType: 'Robot' })).status).toBe(400);

		expect((await admin('POST', 'seed', { contacts: 30 })).status).toBe(200);
		const listed = await admin('GET', `state/contacts?locationId=${DEMO.locationId}`);
		expect(listed.body).toHaveLength(30);
		expect(sandbox.state.contacts.size).toBe(30);

		const log = await admin('GET', 'requests');
		expect(log.body).toEqual([expect.objectContaining({ method: 'GET', path: '/contacts/', status: 200 })]);
	});

	it('sets faults and rate limits, and resets', async () => {
		await admin('POST', 'faults', { fail5xxNext: 1 });
		const contact = [...sandbox.state.contacts.values()][0];
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}`)).status).toBe(500);
		await admin('POST', 'rate-limit', { max: 1, intervalMs: 60_000 });
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}`)).status).toBe(200);
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}`)).status).toBe(429);

		await admin('POST', 'faults', { fail5xxNext: 3 });
		await call(sandbox, 'DELETE', `/contacts/${contact.id}`);
		expect((await admin('POST', 'reset')).status).toBe(200);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.state.contacts.get(contact.id)).toBeDefined();
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}`)).status).toBe(200);
		expect((await admin('GET', 'nothing')).status).toBe(404);
		const broken = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
		expect(broken.status).toBe(400);
	});

	it('reset reseeds the same data and keeps the state object', async () => {
		const state = sandbox.state;
		const before = [...sandbox.state.contacts.values()];
		await call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.locationId, email: 'new@example.com' } });
		sandbox.reset();
		expect(sandbox.state).toBe(state);
		expect([...sandbox.state.contacts.values()]).toEqual(before);
	});
});

describe('cli', () => {
	it('starts, prints the demo credentials, serves, and stops on SIGTERM', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'sandbox', 'cli.ts')], {
			env: { ...process.env, HIGHLEVEL_SANDBOX_PORT: '0', HIGHLEVEL_SANDBOX_CONTACTS: '12', HIGHLEVEL_SANDBOX_LOG: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 15_000);
			child.stdout.on('data', (d: Buffer) => {
				out += d.toString();
				const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
				if (m && out.includes('Ctrl+C')) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			});
			child.on('exit', () => reject(new Error(`exited early: ${out}`)));
		});
		expect(out).toContain(DEMO.locationId);
		expect(out).toContain(DEMO.locationPrivateToken);
		const health = (await (await fetch(`${url}/__sandbox/health`)).json()) as { contacts: number };
		expect(health.contacts).toBe(12);
		const code = await new Promise<number | null>((resolve) => {
			child.on('exit', (c) => resolve(c));
			child.kill('SIGTERM');
		});
		expect(code).toBe(0);
	});
});
