import { apiError, highLevelMessage, redact } from '../../nodes/GoHighLevel/transport/errors';
import { credentialIdentity } from '../../nodes/GoHighLevel/transport/session';
import { parseRateLimitHeaders, RatePacer } from '../../nodes/GoHighLevel/transport/rateLimit';
import { backoffDelay, classifyNetworkError, isIdempotent } from '../../nodes/GoHighLevel/transport/retry';

const node = { id: '1', name: 'GoHighLevel', type: 'n8n-nodes-gohighlevel.goHighLevel', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('RatePacer', () => {
	it('spreads the window over its first half, then waits for the next window', () => {
		let now = 1_000;
		const pacer = new RatePacer(() => now);
		const headers = parseRateLimitHeaders({ 'x-ratelimit-max': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-interval-milliseconds': '1000' });
		expect(pacer.reserve('loc')).toBe(0); // unknown window: go
		pacer.observe('loc', headers, now);
		expect(pacer.reserve('loc')).toBe(0); // remaining 2
		pacer.observe('loc', { ...headers, remaining: 1 }, now);
		expect(pacer.reserve('loc')).toBe(167); // 3 per 1000 ms, spread over 500 ms
		now += 167;
		expect(pacer.reserve('loc')).toBe(0);
		pacer.observe('loc', { ...headers, remaining: 0 }, now);
		now += 167;
		const wait = pacer.reserve('loc');
		expect(wait).toBeGreaterThan(600); // window started at 1000, ends at 2000
		expect(wait).toBeLessThan(750);
	});

	it('takes the server counters as truth when another worker spends the window', () => {
		let now = 0;
		const pacer = new RatePacer(() => now);
		pacer.observe('loc', { max: 100, remaining: 99, intervalMs: 10_000 }, now);
		now = 50;
		pacer.observe('loc', { max: 100, remaining: 0, intervalMs: 10_000 }, now); // someone else used it
		expect(pacer.reserve('loc')).toBeGreaterThan(9_000);
	});

	it('after a 429 honours Retry-After, else waits out the window', () => {
		let now = 0;
		const pacer = new RatePacer(() => now);
		expect(pacer.backoffAfter429('x', { retryAfterMs: 2000 })).toBeGreaterThanOrEqual(2000);
		pacer.observe('x', { max: 10, remaining: 9, intervalMs: 1000 }, 0);
		now = 400;
		const wait = pacer.backoffAfter429('x', {});
		expect(wait).toBeGreaterThanOrEqual(600);
		expect(wait).toBeLessThan(700);
	});
});

describe('retry policy', () => {
	it('treats GET, PUT and DELETE as idempotent, POST only when declared', () => {
		expect(isIdempotent('GET')).toBe(true);
		expect(isIdempotent('PUT')).toBe(true);
		expect(isIdempotent('DELETE')).toBe(true);
		expect(isIdempotent('POST')).toBe(false);
		expect(isIdempotent('POST', true)).toBe(true);
	});

	it('tells refused connections (never sent) from resets (maybe processed)', () => {
		expect(classifyNetworkError('ECONNREFUSED', '')).toBe('never-sent');
		expect(classifyNetworkError('ECONNRESET', '')).toBe('maybe-processed');
		expect(classifyNetworkError(undefined, 'socket hang up')).toBe('maybe-processed');
		expect(classifyNetworkError(undefined, 'something else')).toBeUndefined();
	});

	it('backs off exponentially with bounded jitter', () => {
		expect(backoffDelay(1, () => 0.5)).toBe(250);
		expect(backoffDelay(2, () => 0.5)).toBe(500);
		expect(backoffDelay(3, () => 0)).toBe(750);
		expect(backoffDelay(20, () => 1)).toBe(10_000);
	});
});

describe('errors', () => {
	it('redacts bearer tokens, PITs and given secrets', () => {
		const text = redact('Authorization: Bearer abc.def-123 token pit-1234-5678 and s3cr3t-value', ['s3cr3t-value']);
		expect(text).not.toMatch(/abc\.def|pit-1234|s3cr3t/);
	});

	it('names the missing scope in the hint of a 401', () => {
		const error = apiError(node, {
			status: 401,
			body: { statusCode: 401, message: 'The token is not authorized for this scope.' },
			method: 'POST',
			path: '/contacts/',
			scopes: ['contacts.write'],
		});
		expect(error.message).toContain('The token is not authorized for this scope.');
		expect(error.httpCode).toBe('401');
		expect(error.description).toContain('contacts.write');
	});

	it('joins the field messages of a 422', () => {
		const error = apiError(node, { status: 422, body: { message: ['email must be an email', 'phone is invalid'] }, method: 'POST', path: '/contacts/' });
		expect(error.message).toContain('email must be an email; phone is invalid');
	});
});

describe('credential identity', () => {
	it('is a fixed-length hash that names no secret and differs per token', () => {
		const secret = 'sbx-at-0123456789abcdef';
		const a = credentialIdentity(['goHighLevelOAuth2Api', 'https://x', 'client', 'company', secret]);
		const b = credentialIdentity(['goHighLevelOAuth2Api', 'https://x', 'client', 'company', `${secret}0`]);
		expect(a).not.toContain(secret);
		expect(a).toHaveLength(43);
		expect(a).not.toBe(b);
		expect(credentialIdentity(['goHighLevelOAuth2Api', 'https://x', 'client', 'company', secret])).toBe(a);
	});
});

describe('messages from unparsed answers', () => {
	it('reads HighLevel\'s message out of a JSON text body', () => {
		expect(highLevelMessage('{"statusCode":500,"message":"Internal server error"}')).toBe('Internal server error');
		expect(highLevelMessage('{"error":"invalid_grant","error_description":"The refresh token has already been used"}')).toBe('The refresh token has already been used');
		expect(highLevelMessage('{not json')).toBe('{not json');
	});
});
