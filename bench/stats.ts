import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Peak resident set size and peak V8 heap in use while `run` executes (sampled every 20 ms), in MiB
 * above the start. After a full collection the heap figure is what the run holds at its peak; RSS
 * grows less once V8 has kept earlier runs' pages.
 */
export async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakMiB: number; peakHeapMiB: number }> {
	const start = process.memoryUsage();
	let peak = start.rss;
	let peakHeap = start.heapUsed;
	const sample = () => {
		const now = process.memoryUsage();
		peak = Math.max(peak, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed);
	};
	const timer = setInterval(sample, 20);
	try {
		const result = await run();
		sample();
		return { result, peakMiB: (peak - start.rss) / 2 ** 20, peakHeapMiB: (peakHeap - start.heapUsed) / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const t0 = performance.now();
	const result = await run();
	return { result, ms: performance.now() - t0 };
}

export interface Measured<T> {
	result: T;
	ms: number;
	/** CPU time of the whole process (user + system) over the same span. */
	cpuMs: number;
}

/** Wall and CPU time of `run`, after a full garbage collection so no run pays for the previous one's garbage. */
export async function measured<T>(run: () => Promise<T>, collect = true): Promise<Measured<T>> {
	if (collect) collectGarbage();
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const result = await run();
	const ms = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

let gc: (() => void) | undefined;
/** A full collection between measurements (V8's `gc`, enabled at run time: no node flag needed). */
export function collectGarbage(): void {
	if (!gc) {
		setFlagsFromString('--expose-gc');
		gc = runInNewContext('gc') as () => void;
	}
	gc();
}
