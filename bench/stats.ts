export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak resident set size while `run` executes (sampled every 20 ms), in MiB above the start. */
export async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
	const start = process.memoryUsage().rss;
	let peak = start;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 20);
	try {
		const result = await run();
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, peakMiB: (peak - start) / 2 ** 20 };
	} finally {
		clearInterval(timer);
	}
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const t0 = performance.now();
	const result = await run();
	return { result, ms: performance.now() - t0 };
}
