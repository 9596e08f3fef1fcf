// Rate limits: the window logic with a fake clock, and the headers and 429s over HTTP.
import type { Sandbox } from '../../sandbox';
import { DEMO, RateLimiter, startSandbox } from '../../sandbox';
import { call } from './helpers';

describe('RateLimiter (fake clock)', () => {
	it('counts a fixed window per resource and refuses without counting', () => {
		let now = 1_000_000;
		const limiter = new RateLimiter({ max: 3, intervalMs: 1000, daily: 100, retryAfter: true }, () => now);
		const remaining = () => limiter.take('loc-a').headers['X-RateLimit-Remaining'];
		expect([remaining(), remaining(), remaining()]).toEqual(['2', '1', '0']);
		const refused = limiter.take('loc-a');
		expect(refused.allowed).toBe(false);
		expect(refused.headers['Retry-After']).toBe('1');
		expect(refused.headers['X-RateLimit-Daily-Remaining']).toBe('97');
		expect(limiter.take('loc-b').allowed).toBe(true);
		now += 999;
		expect(limiter.take('loc-a').allowed).toBe(false);
		now += 1;
		const fresh = limiter.take('loc-a');
		expect(fresh.allowed).toBe(true);
		expect(fresh.headers['X-RateLimit-Remaining']).toBe('2');
	});

	it('enforces the daily budget until the next UTC day', () => {
		let now = Date.UTC(2025, 4, 1, 23, 59, 0);
		const limiter = new RateLimiter({ max: 100, intervalMs: 10, daily: 2, retryAfter: true }, () => now);
		expect(limiter.take('x').allowed).toBe(true);
		now += 20;
		expect(limiter.take('x').allowed).toBe(true);
		now += 20;
		const refused = limiter.take('x');
		expect(refused.allowed).toBe(false);
		expect(Number(refused.headers['Retry-After'])).toBeGreaterThan(50);
		now = Date.UTC(2025, 4, 2, 0, 0, 1);
		expect(limiter.take('x').headers['X-RateLimit-Daily-Remaining']).toBe('1');
	});
});

describe('rate limit over HTTP', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seedContacts: 3 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const contactPath = () => `/contacts/${[...sandbox.state.contacts.values()][0].id}`;

	it('reports the defaults on every answer after auth', async () => {
		const res = await call(sandbox, 'GET', contactPath());
		expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('x-ratelimit')))).toEqual({
			'x-ratelimit-limit-daily': '200000',
			'x-ratelimit-daily-remaining': '199999',
			'x-ratelimit-interval-milliseconds': '10000',
			'x-ratelimit-max': '100',
			'x-ratelimit-remaining': '99',
		});
		const invalid = await call(sandbox, 'POST', '/contacts/', { json: { email: 'bad' } });
		expect(invalid.status).toBe(422);
		expect(invalid.headers.get('x-ratelimit-remaining')).toBe('98');
	});

	it('answers 429 past the limit, per location, and recovers after the window', async () => {
		sandbox.configure({ rateLimit: { max: 5, intervalMs: 1000 } });
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) statuses.push((await call(sandbox, 'GET', contactPath())).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
		const refused = await call(sandbox, 'GET', contactPath());
		expect(refused.body).toMatchObject({ statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' });
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(refused.headers.get('retry-after')).toBeNull();

		// Another location has its own budget.
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		expect((await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}/tags`, { token: other })).status).toBe(200);

		await new Promise((r) => setTimeout(r, 1050));
		const again = await call(sandbox, 'GET', contactPath());
		expect(again.status).toBe(200);
		expect(again.headers.get('x-ratelimit-remaining')).toBe('4');
	});

	it('adds Retry-After when configured', async () => {
		sandbox.configure({ rateLimit: { max: 1, intervalMs: 5000, retryAfter: true } });
		await call(sandbox, 'GET', contactPath());
		const refused = await call(sandbox, 'GET', contactPath());
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(4);
	});

	it('goes back to the startup limits on reset', async () => {
		sandbox.configure({ rateLimit: { max: 2 } });
		sandbox.reset();
		expect((await call(sandbox, 'GET', contactPath())).headers.get('x-ratelimit-max')).toBe('100');
	});
});
