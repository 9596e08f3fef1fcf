// HighLevel's limits per resource (location or company): a fixed burst window plus a daily
// budget, reported on every response in the X-RateLimit-* headers.
import type { RateLimitConfig } from './types';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 100, intervalMs: 10_000, daily: 200_000, retryAfter: false };

interface Counter {
	windowStart: number;
	count: number;
	day: number;
	dailyCount: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

const DAY_MS = 24 * 3600 * 1000;

export class RateLimiter {
	private config: RateLimitConfig;
	private readonly counters = new Map<string, Counter>();

	constructor(
		config: Partial<RateLimitConfig> = {},
		private readonly clock: () => number = Date.now,
	) {
		this.config = { ...DEFAULT_RATE_LIMIT, ...config };
	}

	get current(): RateLimitConfig {
		return { ...this.config };
	}

	/** New limits start from fresh counters, so a test gets exactly what it configured. */
	configure(patch: Partial<RateLimitConfig>): void {
		this.config = { ...this.config, ...definedOnly(patch) };
		this.counters.clear();
	}

	reset(config?: Partial<RateLimitConfig>): void {
		if (config) this.config = { ...DEFAULT_RATE_LIMIT, ...definedOnly(config) };
		this.counters.clear();
	}

	private counter(key: string): Counter {
		const now = this.clock();
		const day = Math.floor(now / DAY_MS);
		let c = this.counters.get(key);
		if (!c) {
			c = { windowStart: now, count: 0, day, dailyCount: 0 };
			this.counters.set(key, c);
		}
		if (now - c.windowStart >= this.config.intervalMs) {
			c.windowStart = now;
			c.count = 0;
		}
		if (c.day !== day) {
			c.day = day;
			c.dailyCount = 0;
		}
		return c;
	}

	/** Counts the request when allowed; a refused request does not count against the window. */
	take(key: string): RateDecision {
		const c = this.counter(key);
		const allowed = c.count < this.config.max && c.dailyCount < this.config.daily;
		if (allowed) {
			c.count++;
			c.dailyCount++;
		}
		const headers = this.headers(c);
		if (!allowed && this.config.retryAfter) headers['Retry-After'] = String(this.retryAfterSec(c));
		return { allowed, headers };
	}

	/** Headers for an answer given before any resource is counted (400, 401, unknown route). */
	idleHeaders(): Record<string, string> {
		return this.headers({ windowStart: this.clock(), count: 0, day: 0, dailyCount: 0 });
	}

	/** Gives back a counted request (a fault answered 429 instead). */
	refund(key: string): void {
		const c = this.counters.get(key);
		if (!c) return;
		if (c.count > 0) c.count--;
		if (c.dailyCount > 0) c.dailyCount--;
	}

	/** Headers as a refused request sees them: nothing left in the window. */
	exhaustedHeaders(key: string): Record<string, string> {
		const headers = this.headers(this.counter(key));
		headers['X-RateLimit-Remaining'] = '0';
		if (this.config.retryAfter) headers['Retry-After'] = String(this.retryAfterSec(this.counter(key)));
		return headers;
	}

	private retryAfterSec(c: Counter): number {
		const now = this.clock();
		const waitMs = c.dailyCount >= this.config.daily ? (c.day + 1) * DAY_MS - now : c.windowStart + this.config.intervalMs - now;
		return Math.max(1, Math.ceil(waitMs / 1000));
	}

	private headers(c: Counter): Record<string, string> {
		return {
			'X-RateLimit-Limit-Daily': String(this.config.daily),
			'X-RateLimit-Daily-Remaining': String(Math.max(0, this.config.daily - c.dailyCount)),
			'X-RateLimit-Interval-Milliseconds': String(this.config.intervalMs),
			'X-RateLimit-Max': String(this.config.max),
			'X-RateLimit-Remaining': String(Math.max(0, this.config.max - c.count)),
		};
	}
}

function definedOnly<T extends object>(patch: T): Partial<T> {
	return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
