// A pass-through HTTP proxy in front of the sandbox that records which requests were in flight
// together: the most at once, and every pair of overlapping requests. Overlap is read from the
// order of events (arrival, answer), never from clocks.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
	method: string;
	path: string;
	body: string;
}

export interface InFlightProxy {
	url: string;
	/** Most requests in flight at the same time. */
	maxInFlight: number;
	/** Every request seen while another was still in flight: [earlier, later]. */
	overlaps: Array<[SeenRequest, SeenRequest]>;
	seen: SeenRequest[];
	reset(): void;
	close(): Promise<void>;
}

export async function startInFlightProxy(target: string): Promise<InFlightProxy> {
	const open = new Set<SeenRequest>();
	const proxy: InFlightProxy = {
		url: '',
		maxInFlight: 0,
		overlaps: [],
		seen: [],
		reset() {
			proxy.maxInFlight = 0;
			proxy.overlaps = [];
			proxy.seen = [];
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const seen: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
			for (const other of open) proxy.overlaps.push([other, seen]);
			open.add(seen);
			proxy.seen.push(seen);
			proxy.maxInFlight = Math.max(proxy.maxInFlight, open.size);
			const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (c: Buffer) => parts.push(c));
				answer.on('end', () => {
					open.delete(seen);
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					res.end(Buffer.concat(parts));
				});
			});
			upstream.on('error', () => {
				open.delete(seen);
				res.destroy();
			});
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return proxy;
}
