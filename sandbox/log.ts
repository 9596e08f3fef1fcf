// The request log: kept in memory for tests and optionally appended to a JSONL file.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { LoggedRequest } from './types';
import { isPlainObject } from './util';

/** Body and query keys that carry secrets: never stored, on any path. */
const SECRET_KEYS = new Set(['client_secret', 'refresh_token', 'access_token', 'client_assertion', 'password', 'token']);

export function redact(value: unknown, oauth: boolean): unknown {
	if (!isPlainObject(value)) return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) || (oauth && k === 'code') ? '[redacted]' : v;
	return out;
}

export class RequestLog {
	/** The array handed out as `sandbox.requests`: cleared in place so holders stay current. */
	readonly entries: LoggedRequest[] = [];

	constructor(
		private readonly file?: string,
		/** Long runs (CLI, benchmarks) keep only the newest entries in memory; the file keeps all. */
		private readonly limit = Infinity,
	) {
		if (file) mkdirSync(dirname(file), { recursive: true });
	}

	push(entry: LoggedRequest): void {
		this.entries.push(entry);
		// Trim in batches so a full log does not pay for a splice on every request.
		if (this.entries.length > this.limit * 1.1 + 100) this.entries.splice(0, this.entries.length - this.limit);
		// Synchronous so a test can read the file right after the response arrived.
		if (this.file) appendFileSync(this.file, JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
	}

	clear(): void {
		this.entries.length = 0;
	}
}
