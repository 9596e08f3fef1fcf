import type { IDataObject } from 'n8n-workflow';

/**
 * Paces requests from HighLevel's own rate-limit headers, per location (or company) budget.
 * The server's counters are the truth: every response says what is left in the current window,
 * including what other n8n processes (queue-mode workers) spent.
 * - Requests are spread evenly over the window (not sent in a burst at its start), so every
 *   process keeps seeing the others' spending in the answers it gets.
 * - Spending that is not ours means others share the budget: with N sharers estimated from our
 *   own and the others' counts, a process takes 90 % / N of the window.
 * - The remaining count is a hard stop: nothing is sent that the window no longer has room for;
 *   waits past a window end carry jitter so that pacers do not fall into lockstep.
 * Alone, a process may spend the whole window, spread over its first half.
 */
export interface RateWindow {
	/** False until the first response with rate-limit headers. */
	known: boolean;
	max: number;
	intervalMs: number;
	/** Estimate of when the server's current window started; never earlier than it did. */
	windowStart: number;
	/** Whether a response from the current window has been seen. */
	observed: boolean;
	/** Lowest `X-RateLimit-Remaining` the server reported in the current window. */
	serverRemaining: number;
	/** Requests sent since `windowStart`: the most the server can have counted from us. */
	sentInWindow: number;
	/** Requests sent whose answer has not arrived. */
	inFlight: number;
	/** Processes spending this budget, this one included (1 = alone). */
	sharers: number;
	/** Windows in a row without spending by others. */
	quietWindows: number;
	/** Earliest time the next request may go out (even spacing). */
	nextSendAt: number;
	dailyRemaining?: number;
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
/** While the only request that can find the limits out is pending, ask again this soon. */
const PENDING_POLL_MS = 20;
/** Spread of the wake-up past a window end when the budget is shared: no two pacers in lockstep. */
const MAX_JITTER_MS = 250;
const JITTER_SHARE_OF_WINDOW = 0.1;
/** Shared budgets keep this much of the window in reserve for timing differences between processes. */
const SHARED_UTILISATION = 0.9;
/**
 * Alone: the budget is spread over this part of the window (the remaining count stops the rest).
 * Half: timer overshoot on every spaced send cannot push the window's budget past its end.
 */
const ALONE_SPREAD = 0.5;
/** Windows without others' spending before a process counts itself alone again. */
const ALONE_AFTER_QUIET_WINDOWS = 2;
const MAX_SHARERS = 8;
/** 429s are retried for at least this long, and at least this many windows (a count alone starves). */
const RATE_LIMIT_RETRY_MIN_MS = 60_000;
const RATE_LIMIT_RETRY_WINDOWS = 10;

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

function unknownWindow(): RateWindow {
	return { known: false, max: 0, intervalMs: 0, windowStart: 0, observed: false, serverRemaining: 0, sentInWindow: 0, inFlight: 0, sharers: 1, quietWindows: 0, nextSendAt: 0 };
}

/** Sharers implied by others' spending against ours (a little slack so equal shares read as equal). */
function sharersFrom(foreign: number, ours: number): number {
	return Math.min(MAX_SHARERS, 1 + Math.max(1, Math.ceil(foreign / Math.max(1, ours) - 0.1)));
}

export class RatePacer {
	private readonly windows = new Map<string, RateWindow>();

	constructor(
		private readonly now: () => number = () => Date.now(),
		private readonly random: () => number = Math.random,
	) {}

	get(key: string): RateWindow | undefined {
		return this.windows.get(key);
	}

	private window(key: string): RateWindow {
		let w = this.windows.get(key);
		if (!w) {
			w = unknownWindow();
			this.windows.set(key, w);
		}
		return w;
	}

	/** Time between two of our requests: the window's budget (or our share of it) spread evenly. */
	private spacing(w: RateWindow): number {
		if (w.sharers <= 1) return (w.intervalMs * ALONE_SPREAD) / Math.max(1, w.max);
		// Evenly spaced sends put one more request than planned into a server window that starts at
		// one of them: plan one fewer per sharer.
		return w.intervalMs / Math.max(1, Math.floor((w.max * SHARED_UTILISATION) / w.sharers) - 1);
	}

	private jitter(w: RateWindow): number {
		if (w.sharers <= 1) return 0;
		return Math.round(this.random() * Math.min(MAX_JITTER_MS, w.intervalMs * JITTER_SHARE_OF_WINDOW));
	}

	private foreign(w: RateWindow): number {
		return w.max - w.serverRemaining - w.sentInWindow;
	}

	/** At the end of a window: the whole window's counts set the sharers; quiet windows bring a process back to alone. */
	private closeWindow(w: RateWindow): void {
		if (w.observed) {
			const foreign = this.foreign(w);
			if (foreign > 0) {
				w.quietWindows = 0;
				w.sharers = sharersFrom(foreign, w.sentInWindow);
			} else if (++w.quietWindows >= ALONE_AFTER_QUIET_WINDOWS) w.sharers = 1;
		}
		w.observed = false;
		w.sentInWindow = 0;
		w.serverRemaining = w.max;
	}

	/**
	 * 0 = send now (a slot is taken: report the answer with observe()); otherwise milliseconds to
	 * wait before asking again.
	 */
	reserve(key: string): number {
		const w = this.window(key);
		const now = this.now();
		// Nothing known yet: one request finds the limits out, the others wait for its answer.
		if (!w.known) {
			if (w.inFlight > 0) return PENDING_POLL_MS;
			w.inFlight++;
			return 0;
		}
		if (now >= w.windowStart + w.intervalMs) {
			// Our estimate says the server has opened a new window by now; its answers will correct it.
			this.closeWindow(w);
			w.windowStart = now;
		}
		// Hard stop: no room left in this window for one more request from each sharer (the others
		// probably have as much in flight as we do, and may be about to take the same last slot).
		if (w.serverRemaining - w.sharers * (w.inFlight + 1) < 0) {
			return Math.max(PENDING_POLL_MS, w.windowStart + w.intervalMs - now + WINDOW_MARGIN_MS + this.jitter(w));
		}
		// Sub-millisecond spacing (generous limits) never waits: the clock has millisecond steps.
		if (w.nextSendAt - now >= 1) return Math.ceil(w.nextSendAt - now);
		w.nextSendAt = Math.max(now, w.nextSendAt) + this.spacing(w);
		w.inFlight++;
		w.sentInWindow++;
		return 0;
	}

	/**
	 * Records the answer to a reserved request sent at `sentAt`, received at `receivedAt` (empty
	 * headers for a request that got no answer). A new server window started no later than that, so estimating
	 * it from the receipt time never wakes too early.
	 */
	observe(key: string, h: RateLimitHeaders, receivedAt: number, sentAt?: number): void {
		const w = this.window(key);
		w.inFlight = Math.max(0, w.inFlight - 1);
		if (h.remaining === undefined || h.max === undefined) return;
		if (h.dailyRemaining !== undefined) w.dailyRemaining = h.dailyRemaining;
		// With items in flight, an answer to a request sent before the window we now count in can
		// arrive after that window's first answers: its lower count is the previous window's, and read
		// as this one's it would look like others' spending.
		if (w.known && sentAt !== undefined && sentAt < w.windowStart) return;
		const newWindow =
			!w.known ||
			h.max !== w.max ||
			h.remaining >= h.max - 1 ||
			// The counter went up: a new window started since.
			(w.observed && h.remaining > w.serverRemaining) ||
			receivedAt >= w.windowStart + w.intervalMs;
		if (newWindow) {
			if (w.known) this.closeWindow(w);
			w.known = true;
			w.max = h.max;
			w.intervalMs = h.intervalMs ?? 10_000;
			w.windowStart = receivedAt;
			// This request and those still in flight may all count in the new window.
			w.sentInWindow = Math.max(w.sentInWindow, 1 + w.inFlight);
			w.serverRemaining = h.remaining;
		} else if (!w.observed && h.remaining === 0) {
			// Our estimate rolled too early (the server's window is spent): look again in a quarter window.
			w.windowStart = receivedAt - w.intervalMs + Math.min(w.intervalMs / 4, 1000);
			w.serverRemaining = 0;
		} else {
			w.serverRemaining = w.observed ? Math.min(w.serverRemaining, h.remaining) : h.remaining;
		}
		w.observed = true;
		// Others' spending shows at once: take a smaller share from now on.
		const foreign = this.foreign(w);
		if (foreign > 0) {
			w.quietWindows = 0;
			w.sharers = Math.max(w.sharers, sharersFrom(foreign, w.sentInWindow - w.inFlight));
		}
	}

	/** After a 429: how long to wait before retrying. */
	backoffAfter429(key: string, h: RateLimitHeaders): number {
		const w = this.windows.get(key);
		if (h.retryAfterMs !== undefined) return h.retryAfterMs + WINDOW_MARGIN_MS + (w ? this.jitter(w) : 0);
		const now = this.now();
		if (w?.known) {
			w.serverRemaining = 0;
			const remainingWindow = w.windowStart + w.intervalMs - now;
			if (remainingWindow > 0) return remainingWindow + WINDOW_MARGIN_MS + this.jitter(w);
			return Math.min(w.intervalMs, 1000) + this.jitter(w);
		}
		return h.intervalMs ?? 10_000;
	}

	/** Whether a request first refused with 429 at `firstRefusedAt` may still be retried: bounded by time and windows. */
	mayRetryRateLimited(key: string, firstRefusedAt: number): boolean {
		const intervalMs = this.windows.get(key)?.intervalMs ?? 10_000;
		return this.now() - firstRefusedAt < Math.max(RATE_LIMIT_RETRY_MIN_MS, RATE_LIMIT_RETRY_WINDOWS * intervalMs);
	}

	reset(): void {
		this.windows.clear();
	}
}

/** One pacer per n8n process: windows are keyed by API host and location (or company). */
export const sharedPacer = new RatePacer();
