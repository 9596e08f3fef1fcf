import type { IDataObject } from 'n8n-workflow';

/**
 * Paces requests from HighLevel's own rate-limit headers. The server's counters are the truth,
 * so the pacing stays right when several n8n workers share one location (queue mode): every
 * response refreshes what is left in the current window, and a request that would exceed it
 * waits for the next window instead of drawing a 429.
 */
export interface RateWindow {
	max: number;
	remaining: number;
	intervalMs: number;
	/** Our estimate of when the server's current window started (epoch ms). */
	windowStart: number;
	dailyRemaining?: number;
	/** Requests reserved whose answer has not arrived: the server may count them in any answer to come. */
	inFlight: number;
}

export interface RateLimitHeaders {
	max?: number;
	remaining?: number;
	intervalMs?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	retryAfterMs?: number;
}

/** Extra wait past the estimated window end, for clock skew and request latency. */
const WINDOW_MARGIN_MS = 30;

function header(headers: IDataObject, name: string): number | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

export function parseRateLimitHeaders(headers: IDataObject | undefined): RateLimitHeaders {
	if (!headers) return {};
	const lower: IDataObject = {};
	for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
	const retryAfter = header(lower, 'retry-after');
	return {
		max: header(lower, 'x-ratelimit-max'),
		remaining: header(lower, 'x-ratelimit-remaining'),
		intervalMs: header(lower, 'x-ratelimit-interval-milliseconds'),
		dailyLimit: header(lower, 'x-ratelimit-limit-daily'),
		dailyRemaining: header(lower, 'x-ratelimit-daily-remaining'),
		retryAfterMs: retryAfter === undefined ? undefined : retryAfter * 1000,
	};
}

export class RatePacer {
	private readonly windows = new Map<string, RateWindow>();

	constructor(private readonly now: () => number = () => Date.now()) {}

	get(key: string): RateWindow | undefined {
		return this.windows.get(key);
	}

	/** Milliseconds to wait before the next request may go out (0 = go now); reserves a slot. */
	reserve(key: string): number {
		const w = this.windows.get(key);
		if (!w) return 0;
		w.inFlight++;
		const now = this.now();
		const windowEnd = w.windowStart + w.intervalMs;
		if (now >= windowEnd) {
			// The server has opened a new window by now.
			w.windowStart = now;
			w.remaining = w.max - 1;
			return 0;
		}
		if (w.remaining > 0) {
			w.remaining -= 1;
			// A waiting request moved the window ahead: this slot is in that window too.
			return Math.max(0, w.windowStart - now);
		}
		const wait = windowEnd - now + WINDOW_MARGIN_MS;
		// Whoever waits takes the first slot of the next window.
		w.windowStart = windowEnd + WINDOW_MARGIN_MS;
		w.remaining = w.max - 1;
		return wait;
	}

	/**
	 * Records the server's view from a response received at `receivedAt`. A new server window
	 * started no later than that, so estimating it from the receipt time never wakes too early.
	 */
	observe(key: string, h: RateLimitHeaders, receivedAt: number, sentAt?: number): void {
		const previous = this.windows.get(key);
		if (previous) previous.inFlight = Math.max(0, previous.inFlight - 1);
		if (h.remaining === undefined || h.max === undefined) return;
		// Sent before the window we now count in (items in flight): it says nothing about this window.
		if (previous && sentAt !== undefined && sentAt < previous.windowStart) return;
		const intervalMs = h.intervalMs ?? 10_000;
		const windowReset =
			!previous ||
			h.remaining >= h.max - 1 ||
			// The counter went up: a new window started since the previous response.
			// (An answer that overtook others in flight may read up to that many higher.)
			h.remaining > previous.remaining + 1 + previous.inFlight ||
			receivedAt >= previous.windowStart + previous.intervalMs;
		const next: RateWindow = {
			max: h.max,
			remaining: h.remaining,
			intervalMs,
			// Never earlier than a window waiting requests already moved ahead to.
			windowStart: windowReset ? Math.max(receivedAt, previous?.windowStart ?? 0) : previous.windowStart,
			dailyRemaining: h.dailyRemaining,
			inFlight: previous?.inFlight ?? 0,
		};
		if (previous && !windowReset) next.remaining = Math.min(previous.remaining, h.remaining);
		// Several items in flight: an answer counts only what reached the server before it, and the
		// requests still out may all count in this window.
		else if (previous) next.remaining = Math.max(0, Math.min(h.remaining - previous.inFlight, receivedAt < previous.windowStart + previous.intervalMs ? previous.remaining : h.remaining));
		this.windows.set(key, next);
	}

	/** A reserved request that got no answer (network failure): no longer in flight. */
	release(key: string): void {
		const w = this.windows.get(key);
		if (w) w.inFlight = Math.max(0, w.inFlight - 1);
	}

	/** After a 429: how long to wait before retrying. */
	backoffAfter429(key: string, h: RateLimitHeaders): number {
		if (h.retryAfterMs !== undefined) return h.retryAfterMs + WINDOW_MARGIN_MS;
		const w = this.windows.get(key);
		const now = this.now();
		if (w) {
			const remainingWindow = w.windowStart + w.intervalMs - now;
			w.remaining = 0;
			if (remainingWindow > 0) return remainingWindow + WINDOW_MARGIN_MS;
			return Math.min(w.intervalMs, 1000);
		}
		return h.intervalMs ?? 10_000;
	}

	reset(): void {
		this.windows.clear();
	}
}

/** One pacer per n8n process: windows are keyed by API host and location (or company). */
export const sharedPacer = new RatePacer();
