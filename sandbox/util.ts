// Small shared helpers: deterministic randomness, ids and the error type handlers throw.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export type Rng = () => number;

// Module-level copies: global lookups are slow inside jest's vm contexts, and seeding is hot.
const imul = Math.imul;
const floor = Math.floor;

/** mulberry32: tiny, fast, and the same sequence for the same seed on every platform. */
export function createRng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CHARS_PER_DRAW = 5; // 62^5 < 2^32: one draw gives five characters

/** A 20-character alphanumeric id like HighLevel's (e.g. "ve9EPM428h8vShlRW1KT"). */
export function makeId(rng: Rng, length = 20): string {
	let id = '';
	while (id.length < length) {
		let n = floor(rng() * 916132832); // 62^5
		for (let i = 0; i < CHARS_PER_DRAW && id.length < length; i++) {
			id += ALPHANUMERIC[n % 62];
			n = floor(n / 62);
		}
	}
	return id;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
	return items[floor(rng() * items.length)];
}

/** Opaque, unguessable secret (tokens, codes). */
export function secret(prefix = ''): string {
	return prefix + randomBytes(24).toString('hex');
}

export function traceId(): string {
	const hex = randomBytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Thrown by handlers and pipeline steps; turned into a JSON answer by the server. */
export class HttpError extends Error {
	constructor(
		public readonly status: number,
		public readonly body: Record<string, unknown>,
		public readonly headers: Record<string, string> = {},
	) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
	}
}

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	501: 'Not Implemented',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};

/** NestJS-style error body: {statusCode, message, error}. */
export function httpError(status: number, message: string | string[], extra: Record<string, unknown> = {}): HttpError {
	return new HttpError(status, { statusCode: status, message, error: REASONS[status], ...extra });
}

export function notFound(what: string): HttpError {
	return httpError(404, `${what} not found`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Query values may repeat; handlers mostly want the first. */
export function first(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** HighLevel stores phones in E.164; 10-digit numbers are taken as US/Canada. */
export function normalizePhone(raw: string): string {
	const digits = raw.replace(/\D/g, '');
	if (!digits) return '';
	if (!raw.trim().startsWith('+')) {
		if (digits.length === 10) return `+1${digits}`;
	}
	return `+${digits}`;
}

/**
 * Listens on 127.0.0.1 (`port` 0 = any free one). `close` stops the server and drops open
 * keep-alive sockets, so it does not wait for idle clients; calling it again returns the same promise.
 */
export async function listenOnLoopback(server: Server, port = 0): Promise<{ port: number; close: () => Promise<void> }> {
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	let closed: Promise<void> | undefined;
	return {
		port: typeof address === 'object' && address ? address.port : 0,
		close: () => {
			closed ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			return closed;
		},
	};
}

/** A non-negative integer from the environment variable `name`, or `fallback` when it is unset. */
export function intEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
	return n;
}

/** `"250"` or `"150-400"` (ms) from an environment variable; undefined when unset. */
export function latencyEnv(name: string): { minMs: number; maxMs: number } | undefined {
	const raw = process.env[name]?.trim();
	if (!raw) return undefined;
	const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(raw);
	const minMs = m ? Number(m[1]) : NaN;
	const maxMs = m?.[2] !== undefined ? Number(m[2]) : minMs;
	if (!m || maxMs < minMs) throw new Error(`${name} must be milliseconds ("250") or a range ("150-400"), got "${raw}"`);
	return { minMs, maxMs };
}
