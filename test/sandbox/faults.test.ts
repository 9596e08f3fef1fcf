// Fault knobs: each one, its matching, and what it leaves applied.
import { request } from 'undici';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { Faults } from '../../sandbox/faults';
import { latencyEnv } from '../../sandbox/util';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const contactPath = () => `/contacts/${demoContacts(sandbox)[0].id}`;
const create = (email: string) => call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.locationId, email } });
const withEmail = (email: string) => [...sandbox.state.contacts.values()].filter((c) => c.email === email);

describe('faults', () => {
	it('fail5xxNext answers 500/502/503 in turn without applying anything', async () => {
		sandbox.setFaults({ fail5xxNext: 4 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await create(`fail${i}@example.com`)).status);
		expect(statuses).toEqual([500, 502, 503, 500]);
		expect(sandbox.state.contacts.size).toBe(5);
		expect((await create('after@example.com')).status).toBe(201);
		expect(sandbox.requests.map((r) => r.status)).toEqual([500, 502, 503, 500, 201]);
	});

	it('fail5xxAfterWriteNext applies the create, answers 500, and leaves exactly one contact', async () => {
		sandbox.setFaults({ fail5xxAfterWriteNext: 1, match: { method: 'POST', pathPrefix: '/contacts' } });
		expect((await call(sandbox, 'GET', contactPath())).status).toBe(200); // not matching
		const res = await create('once@example.com');
		expect(res.status).toBe(500);
		expect(res.body).toMatchObject({ statusCode: 500 });
		expect(withEmail('once@example.com')).toHaveLength(1);
		// A retry of the same create now meets the duplicate rule: still one contact.
		const retry = await create('once@example.com');
		expect(retry.status).toBe(400);
		expect(withEmail('once@example.com')).toHaveLength(1);
	});

	it('fail5xxAfterWriteNext is not used up by a request that failed on its own', async () => {
		sandbox.setFaults({ fail5xxAfterWriteNext: 1 });
		expect((await call(sandbox, 'POST', '/contacts/', { json: { email: 'x' } })).status).toBe(422);
		expect((await create('applied@example.com')).status).toBe(500);
		expect(withEmail('applied@example.com')).toHaveLength(1);
	});

	it('resetNext destroys the socket without an answer and applies nothing', async () => {
		sandbox.setFaults({ resetNext: 1, match: { method: 'POST' } });
		await expect(
			request(`${sandbox.url}/contacts/`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
				body: JSON.stringify({ locationId: DEMO.locationId, email: 'reset@example.com' }),
			}),
		).rejects.toThrow(/other side closed|socket|ECONNRESET/i);
		expect(withEmail('reset@example.com')).toHaveLength(0);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', status: 0 });
		expect((await create('reset@example.com')).status).toBe(201);
	});

	it('storm429Next answers 429 with exhausted headers and does not count against the window', async () => {
		sandbox.configure({ rateLimit: { max: 3, intervalMs: 60_000 } });
		sandbox.setFaults({ storm429Next: 2 });
		const a = await create('storm@example.com');
		const b = await call(sandbox, 'GET', contactPath());
		for (const res of [a, b]) {
			expect(res.status).toBe(429);
			expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(res.headers.get('x-ratelimit-max')).toBe('3');
		}
		expect(withEmail('storm@example.com')).toHaveLength(0);
		const ok = await create('storm@example.com');
		expect(ok.status).toBe(201);
		expect(ok.headers.get('x-ratelimit-remaining')).toBe('2');
	});

	it('fail5xxRate fails a deterministic share of requests with 503', async () => {
		const run = async () => {
			sandbox.setFaults({ fail5xxRate: 0.5, match: { method: 'GET' } });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++) statuses.push((await call(sandbox, 'GET', contactPath())).status);
			return statuses;
		};
		const first = await run();
		const second = await run();
		expect(first).toEqual(second);
		expect(first.filter((s) => s === 503).length).toBeGreaterThan(3);
		expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
	});

	// Latency is checked on the decisions, not with a clock (no timed assertions).
	it('latencyMs (+ jitter) applies to matching requests only, the same sequence after each setFaults', () => {
		const faults = new Faults();
		faults.set({ latencyMs: 150, latencyJitterMs: 250, match: { pathPrefix: '/contacts/search' } });
		const delays = Array.from({ length: 200 }, () => faults.decide('POST', '/contacts/search', false).latencyMs);
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(150);
		expect(Math.max(...delays)).toBeLessThanOrEqual(400);
		expect(new Set(delays).size).toBeGreaterThan(50);
		expect(faults.decide('GET', '/contacts/abc', false).latencyMs).toBe(0);
		faults.set({ latencyMs: 150, latencyJitterMs: 250, match: { pathPrefix: '/contacts/search' } });
		expect(Array.from({ length: 200 }, () => faults.decide('POST', '/contacts/search', false).latencyMs)).toEqual(delays);
		faults.set({ latencyMs: 80 });
		expect(faults.decide('GET', '/contacts/abc', false).latencyMs).toBe(80);
	});

	it('a baseline latency range (npm run sandbox: HIGHLEVEL_SANDBOX_LATENCY_MS) applies until a fault sets its own', () => {
		const faults = new Faults({ minMs: 150, maxMs: 400 });
		const delays = Array.from({ length: 100 }, () => faults.decide('GET', '/contacts/abc', false).latencyMs);
		expect(delays.every((d) => d >= 150 && d <= 400)).toBe(true);
		expect(faults.decide('POST', '/oauth/token', true).latencyMs).toBe(0);
		faults.set({ latencyMs: 5 });
		expect(faults.decide('GET', '/contacts/abc', false).latencyMs).toBe(5);
		faults.clear();
		expect(faults.decide('GET', '/contacts/abc', false).latencyMs).toBeGreaterThanOrEqual(150);
	});

	it('reads the latency variable as one value or a range', () => {
		const read = (value: string | undefined) => {
			const env = process.env.HIGHLEVEL_SANDBOX_LATENCY_TEST;
			if (value === undefined) delete process.env.HIGHLEVEL_SANDBOX_LATENCY_TEST;
			else process.env.HIGHLEVEL_SANDBOX_LATENCY_TEST = value;
			try {
				return latencyEnv('HIGHLEVEL_SANDBOX_LATENCY_TEST');
			} finally {
				if (env === undefined) delete process.env.HIGHLEVEL_SANDBOX_LATENCY_TEST;
				else process.env.HIGHLEVEL_SANDBOX_LATENCY_TEST = env;
			}
		};
		expect(read('150-400')).toEqual({ minMs: 150, maxMs: 400 });
		expect(read('250')).toEqual({ minMs: 250, maxMs: 250 });
		expect(read(undefined)).toBeUndefined();
		expect(() => read('400-150')).toThrow(/HIGHLEVEL_SANDBOX_LATENCY_TEST/);
		expect(() => read('fast')).toThrow(/HIGHLEVEL_SANDBOX_LATENCY_TEST/);
	});

	it('leaves OAuth alone by default, hits it when matched, and clears', async () => {
		const form = () => ({ client_id: DEMO.clientId, client_secret: DEMO.clientSecret, grant_type: 'refresh_token', refresh_token: sandbox.issueRefreshToken({ userType: 'Location' }) });
		sandbox.setFaults({ fail5xxNext: 1 });
		expect((await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, form: form() })).status).toBe(200);
		sandbox.setFaults({ fail5xxNext: 1, match: { pathPrefix: '/oauth/token' } });
		expect((await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, form: form() })).status).toBe(500);
		sandbox.setFaults({ fail5xxNext: 5 });
		sandbox.clearFaults();
		expect((await call(sandbox, 'GET', contactPath())).status).toBe(200);
	});
});
