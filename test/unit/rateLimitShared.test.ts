// Several pacers (n8n processes) sharing one location's budget, against the sandbox's own
// fixed-window limiter, in simulated time: each process runs concurrent executions that send
// their items one after another, as the GoHighLevel node does.
import type { RateLimitHeaders } from '../../nodes/GoHighLevel/transport/rateLimit';
import { RatePacer, parseRateLimitHeaders } from '../../nodes/GoHighLevel/transport/rateLimit';
import { RateLimiter } from '../../sandbox';

interface Outcome {
	requests: number;
	tooMany: number;
	/** Items that went out in simulated milliseconds. */
	elapsedMs: number;
}

/** A seeded PRNG so every run of the simulation is the same. */
function prng(seed: number): () => number {
	let t = seed >>> 0;
	return () => {
		t = (t + 0x6d2b79f5) >>> 0;
		let r = Math.imul(t ^ (t >>> 15), 1 | t);
		r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

function simulate(options: { processes: number; executionsPerProcess: number; itemsPerExecution: number; max: number; intervalMs: number; latencyMs: number; seed?: number }): Outcome {
	let now = 0;
	const random = prng(options.seed ?? 7);
	const server = new RateLimiter({ max: options.max, intervalMs: options.intervalMs }, () => now);
	const events: Array<{ at: number; seq: number; run: () => void }> = [];
	let seq = 0;
	const at = (time: number, run: () => void) => {
		events.push({ at: time, seq: seq++, run });
	};
	let requests = 0;
	let tooMany = 0;
	let lastDone = 0;
	for (let p = 0; p < options.processes; p++) {
		const pacer = new RatePacer(() => now, random);
		for (let e = 0; e < options.executionsPerProcess; e++) {
			let left = options.itemsPerExecution;
			const next = () => {
				const wait = pacer.reserve('loc');
				if (wait > 0) return at(now + wait, next);
				// Latency varies a little, as on a real network.
				const there = options.latencyMs * (0.5 + random());
				at(now + there / 2, () => {
					const decision = server.take('loc');
					requests++;
					if (!decision.allowed) tooMany++;
					at(now + there / 2, () => {
						const h: RateLimitHeaders = parseRateLimitHeaders(decision.headers);
						pacer.observe('loc', h, now);
						if (!decision.allowed) return at(now + pacer.backoffAfter429('loc', h), next);
						left--;
						lastDone = now;
						if (left > 0) next();
					});
				});
			};
			at(random() * 5, next);
		}
	}
	for (let steps = 0; events.length && steps < 10_000_000; steps++) {
		events.sort((a, b) => a.at - b.at || a.seq - b.seq);
		const event = events.shift()!;
		now = event.at;
		event.run();
	}
	return { requests, tooMany, elapsedMs: lastDone };
}

describe('pacing shared by several processes (simulated time, the sandbox limiter as server)', () => {
	it.each([
		{ processes: 2, max: 100, intervalMs: 10_000 },
		{ processes: 2, max: 10, intervalMs: 2_000 },
		{ processes: 3, max: 100, intervalMs: 10_000 },
		{ processes: 4, max: 100, intervalMs: 10_000 },
	])('$processes processes × 10 executions × 50 creates at $max / $intervalMs ms: < 1 % answered 429', (limit) => {
		const outcome = simulate({ ...limit, executionsPerProcess: 10, itemsPerExecution: 50, latencyMs: 8 });
		const items = limit.processes * 500;
		expect(outcome.requests - outcome.tooMany).toBe(items);
		expect(outcome.tooMany / outcome.requests).toBeLessThan(0.01);
		// Shared pacing keeps 10 % and one request per sharer in reserve (at 10 / 2 s with 2 sharers: 8 of
		// 10 at most), and shares need not be equal: at least 55 % of the allowed rate.
		const allowedMs = (items / limit.max) * limit.intervalMs;
		expect(allowedMs / outcome.elapsedMs).toBeGreaterThan(0.55);
	});

	it('one process alone uses the whole window: 1,000 sequential updates at 100 / 1 s take under 10.6 s', () => {
		const outcome = simulate({ processes: 1, executionsPerProcess: 1, itemsPerExecution: 1000, max: 100, intervalMs: 1000, latencyMs: 2 });
		expect(outcome.tooMany).toBe(0);
		expect(outcome.elapsedMs).toBeLessThan(10_600);
	});
});
