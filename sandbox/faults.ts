// Injected failures. Before the handler, a matching request uses up at most one counted fault,
// checked in the order reset, 429 storm, 5xx, random 5xx; latency applies to every matching
// request; the 500-after-write fault is used up only by a request whose handler succeeded.
import type { FaultConfig, LatencyRange } from './types';
import type { Rng } from './util';
import { createRng } from './util';

export type FaultAction =
	| { kind: 'none' }
	| { kind: 'reset' }
	| { kind: 'storm429' }
	| { kind: 'fail5xx'; status: 500 | 502 | 503 };

export interface FaultDecision {
	latencyMs: number;
	action: FaultAction;
}

const CYCLE: Array<500 | 502 | 503> = [500, 502, 503];
const FAULT_SEED = 0xfa017;
const LATENCY_SEED = 0x1a7e;

export class Faults {
	private config: FaultConfig = {};
	private remaining = { reset: 0, storm429: 0, fail5xx: 0, afterWrite: 0 };
	private cycle = 0;
	private rng: Rng = createRng(FAULT_SEED);
	/** Its own sequence, so jitter does not shift which requests fail5xxRate picks. */
	private latencyRng: Rng = createRng(LATENCY_SEED);

	/** `baseline`: the latency of every matching answer when the fault config sets none. */
	constructor(private readonly baseline: LatencyRange = { minMs: 0, maxMs: 0 }) {}

	set(config: FaultConfig): void {
		this.config = { ...config };
		this.remaining = {
			reset: count(config.resetNext),
			storm429: count(config.storm429Next),
			fail5xx: count(config.fail5xxNext),
			afterWrite: count(config.fail5xxAfterWriteNext),
		};
		this.cycle = 0;
		this.rng = createRng(FAULT_SEED);
		this.latencyRng = createRng(LATENCY_SEED);
	}

	clear(): void {
		this.set({});
	}

	get current(): FaultConfig {
		return {
			...this.config,
			resetNext: this.remaining.reset,
			storm429Next: this.remaining.storm429,
			fail5xxNext: this.remaining.fail5xx,
			fail5xxAfterWriteNext: this.remaining.afterWrite,
		};
	}

	private matches(method: string, path: string, isOAuth: boolean): boolean {
		const match = this.config.match;
		if (!match || (match.method === undefined && match.pathPrefix === undefined)) return !isOAuth;
		if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
		if (match.pathPrefix && !path.startsWith(match.pathPrefix)) return false;
		return true;
	}

	/** Decides (and uses up) the fault for one request. */
	decide(method: string, path: string, isOAuth: boolean): FaultDecision {
		if (!this.matches(method, path, isOAuth)) return { latencyMs: 0, action: { kind: 'none' } };
		const latencyMs = this.latency();
		const r = this.remaining;
		if (r.reset > 0) {
			r.reset--;
			return { latencyMs, action: { kind: 'reset' } };
		}
		if (r.storm429 > 0) {
			r.storm429--;
			return { latencyMs, action: { kind: 'storm429' } };
		}
		if (r.fail5xx > 0) {
			r.fail5xx--;
			return { latencyMs, action: { kind: 'fail5xx', status: CYCLE[this.cycle++ % CYCLE.length] } };
		}
		const rate = this.config.fail5xxRate ?? 0;
		if (rate > 0 && this.rng() < rate) return { latencyMs, action: { kind: 'fail5xx', status: 503 } };
		return { latencyMs, action: { kind: 'none' } };
	}

	private latency(): number {
		const own = this.config.latencyMs !== undefined || this.config.latencyJitterMs !== undefined;
		const min = Math.max(0, own ? (this.config.latencyMs ?? 0) : this.baseline.minMs);
		const jitter = Math.max(0, own ? (this.config.latencyJitterMs ?? 0) : this.baseline.maxMs - this.baseline.minMs);
		return jitter > 0 ? min + Math.floor(this.latencyRng() * (jitter + 1)) : min;
	}

	/** After a handler succeeded: whether to answer 500 anyway (the change stays applied). */
	failAfterWrite(method: string, path: string, isOAuth: boolean): boolean {
		if (this.remaining.afterWrite <= 0 || !this.matches(method, path, isOAuth)) return false;
		this.remaining.afterWrite--;
		return true;
	}
}

function count(n: number | undefined): number {
	return n && n > 0 ? Math.floor(n) : 0;
}
