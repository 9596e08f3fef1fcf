// Replay protection for signed deliveries: a freshness window on the payload's `timestamp`, and a
// bounded memory of the deliveries already accepted (by `webhookId`).
//
// Two layers remember deliveries, both bounded to the last N accepted (N = "Remembered Deliveries"):
// - the workflow's static data (node scope) holds a fixed-width ring of 12-character fingerprints,
//   so at most N × 12 bytes (12 KB at the default 1,000); it survives restarts and is shared by every
//   n8n process that loads the workflow;
// - an in-process set per workflow node, because n8n loads static data when a request arrives and
//   saves it after answering: two copies of a delivery arriving together would both find the stored
//   ring without the other. The check and the insert run without awaiting anything in between, so
//   within one process a delivery is accepted once whatever the concurrency.
// A delivery older than the freshness window is refused on its timestamp alone, so the memory only
// has to cover one window's worth of deliveries.
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** Characters per fingerprint: base64url of the first 9 bytes (72 bits) of a SHA-256. */
export const FINGERPRINT_CHARS = 12;
export const DEFAULT_REMEMBERED = 1000;
export const MIN_REMEMBERED = 10;
export const MAX_REMEMBERED = 20000;
export const DEFAULT_MAX_AGE_SECONDS = 300;

/** Key of the ring inside the node's static data. */
const STATIC_KEY = 'deliveries';

/**
 * What identifies a delivery: its `webhookId`, or, for a payload without one, the SHA-256 of its
 * exact bytes (an identical body is the same delivery again).
 */
export function deliveryKey(payload: IDataObject, raw: Buffer): string {
	const id = payload.webhookId;
	if (typeof id === 'string' && id.trim() !== '') return `id:${id}`;
	if (typeof id === 'number') return `id:${id}`;
	return `body:${createHash('sha256').update(raw).digest('base64')}`;
}

export function fingerprint(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest().subarray(0, 9).toString('base64url');
}

/** Epoch ms of a payload timestamp: ISO 8601 text, or epoch seconds / milliseconds. */
export function parseTimestamp(value: unknown): number | undefined {
	let numeric: number | undefined;
	if (typeof value === 'number') numeric = value;
	else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) numeric = Number(value.trim());
	if (numeric !== undefined) {
		if (!Number.isFinite(numeric) || numeric <= 0) return undefined;
		return numeric < 1e12 ? numeric * 1000 : numeric;
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

export function clampRemembered(value: unknown): number {
	const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : DEFAULT_REMEMBERED;
	return Math.min(MAX_REMEMBERED, Math.max(MIN_REMEMBERED, n));
}

interface StoredRing {
	ring: string;
}

function storedRing(data: IDataObject): string {
	const stored = data[STATIC_KEY] as StoredRing | undefined;
	const ring = stored && typeof stored.ring === 'string' ? stored.ring : '';
	return ring.length % FINGERPRINT_CHARS === 0 ? ring : '';
}

function ringHas(ring: string, print: string): boolean {
	for (let at = ring.indexOf(print); at !== -1; at = ring.indexOf(print, at + 1)) {
		if (at % FINGERPRINT_CHARS === 0) return true;
	}
	return false;
}

/** The in-process layer: the last `capacity` fingerprints of one workflow node. */
class RecentSet {
	private readonly members = new Set<string>();

	private readonly order: string[] = [];

	private head = 0;

	constructor(public capacity: number) {}

	has(print: string): boolean {
		return this.members.has(print);
	}

	add(print: string): void {
		if (this.members.has(print)) return;
		this.members.add(print);
		this.order.push(print);
		while (this.order.length - this.head > this.capacity) {
			this.members.delete(this.order[this.head]);
			this.head++;
		}
		if (this.head > 1024 && this.head * 2 > this.order.length) {
			this.order.splice(0, this.head);
			this.head = 0;
		}
	}
}

/** Workflow nodes remembered in this process; the least recently used beyond this are forgotten. */
const MAX_SCOPES = 256;
const recent = new Map<string, RecentSet>();

function recentSet(scope: string, capacity: number): RecentSet {
	let set = recent.get(scope);
	if (set) {
		recent.delete(scope);
	} else {
		set = new RecentSet(capacity);
	}
	set.capacity = capacity;
	recent.set(scope, set);
	while (recent.size > MAX_SCOPES) recent.delete(recent.keys().next().value as string);
	return set;
}

/**
 * Accepts a delivery once: false when its fingerprint is already remembered by either layer,
 * otherwise remembers it in both and returns true. Synchronous on purpose (see the file comment).
 */
export function acceptOnce(staticData: IDataObject, scope: string, print: string, capacity: number): boolean {
	const memory = recentSet(scope, capacity);
	const ring = storedRing(staticData);
	if (memory.has(print) || ringHas(ring, print)) return false;
	memory.add(print);
	// Oldest first; appending and keeping the last `capacity` entries keeps the ring bounded.
	staticData[STATIC_KEY] = { ring: (ring + print).slice(-capacity * FINGERPRINT_CHARS) };
	return true;
}
