// HighLevel's latency in front of the sandbox: every answer held back 150–350 ms (seeded, uniform),
// after the sandbox counted the request against its rate limit, as HighLevel's own answers are.
import type { Server } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createRng } from '../sandbox/util';

export interface LatencyProxy {
	url: string;
	/** Requests answered, by status. */
	statuses: Map<number, number>;
	reset(): void;
	close(): Promise<void>;
}

export async function startLatencyProxy(target: string, minMs: number, maxMs: number, seed = 0x2125): Promise<LatencyProxy> {
	let rng = createRng(seed);
	const statuses = new Map<number, number>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const delay = minMs + rng() * (maxMs - minMs);
			const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (c: Buffer) => parts.push(c));
				answer.on('end', () => {
					setTimeout(() => {
						const status = answer.statusCode ?? 502;
						statuses.set(status, (statuses.get(status) ?? 0) + 1);
						res.writeHead(status, answer.headers);
						res.end(Buffer.concat(parts));
					}, delay);
				});
			});
			upstream.on('error', () => res.destroy());
			upstream.end(Buffer.concat(chunks));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		statuses,
		reset() {
			statuses.clear();
			rng = createRng(seed);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
