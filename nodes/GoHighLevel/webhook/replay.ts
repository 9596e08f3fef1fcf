// Replay protection for signed deliveries: a freshness window on the payload's `timestamp`, and a
// memory of the deliveries already accepted (by `webhookId`) that covers that whole window.
//
// Three layers remember deliveries:
// - the process: a set per workflow node, checked and filled by webhook() without awaiting anything
//   in between, so concurrent copies reaching one process start one execution;
// - the workflow's static data: a ring of (fingerprint, timestamp) entries, read by webhook() so
//   that a replay after a restart is refused before any execution starts. n8n does not keep static
//   data a webhook() call changes (it resets the change flag when the execution starts), so the
//   trigger's execution step writes it, and n8n saves it when that execution ends;
// - n8n's database-backed deduplication (`checkProcessedAndRecord`, scope node), consulted by the
//   trigger's execution step, which every n8n process shares (main, workers, webhook processors):
//   a delivery that got past the first two layers elsewhere or earlier is dropped there, and the
//   execution stops at the trigger. See ledger.ts.
//
// The ring keeps every delivery whose timestamp is still inside the window (older ones are refused
// on their timestamp alone), up to "Remembered Deliveries" entries. Beyond that the oldest leave
// and the "horizon" moves to their timestamp: a delivery not newer than the horizon is refused, so
// a forgotten delivery can never be accepted again, whatever the rate.
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** Characters per fingerprint: base64url of the first 9 bytes (72 bits) of a SHA-256. */
export const FINGERPRINT_CHARS = 12;
/** Characters of an entry's timestamp: epoch milliseconds, 11 hex digits (until the year 4199). */
const STAMP_CHARS = 11;
export const ENTRY_CHARS = FINGERPRINT_CHARS + STAMP_CHARS;
export const DEFAULT_REMEMBERED = 10000;
export const MIN_REMEMBERED = 10;
export const MAX_REMEMBERED = 100000;
export const DEFAULT_MAX_AGE_SECONDS = 300;

/** Key of the memory inside the node's static data (`deliveries` held the count-only ring of 0.1). */
const STATIC_KEY = 'acceptedDeliveries';
const LEGACY_KEY = 'deliveries';

/**
 * What identifies a delivery: its `webhookId`, or, for a payload without one, the SHA-256 of its
 * JSON (an identical body is the same delivery again).
 */
export function deliveryKey(payload: IDataObject): string {
	const id = payload.webhookId;
	if (typeof id === 'string' && id.trim() !== '') return `id:${id}`;
	if (typeof id === 'number') return `id:${id}`;
	return `body:${createHash('sha256').update(JSON.stringify(payload), 'utf8').digest('base64')}`;
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

// ---------------------------------------------------------------------------------------------
// The static-data ring

interface StoredMemory {
	/** Entries oldest first: fingerprint + epoch milliseconds of the delivery's timestamp (hex). */
	ring: string;
	/** Epoch milliseconds; deliveries not newer than this are refused (their memory may be gone). */
	horizon: number;
}

function storedMemory(data: IDataObject): StoredMemory {
	const stored = data[STATIC_KEY] as Partial<StoredMemory> | undefined;
	const ring = stored && typeof stored.ring === 'string' && stored.ring.length % ENTRY_CHARS === 0 ? stored.ring : '';
	const horizon = stored && typeof stored.horizon === 'number' && Number.isFinite(stored.horizon) ? stored.horizon : 0;
	return { ring, horizon };
}

function entryAt(ring: string, index: number): { print: string; sentAt: number } {
	const at = index * ENTRY_CHARS;
	return { print: ring.slice(at, at + FINGERPRINT_CHARS), sentAt: parseInt(ring.slice(at + FINGERPRINT_CHARS, at + ENTRY_CHARS), 16) };
}

function ringHas(ring: string, print: string): boolean {
	for (let at = ring.indexOf(print); at !== -1; at = ring.indexOf(print, at + 1)) {
		if (at % ENTRY_CHARS === 0) return true;
	}
	return false;
}

const MAX_STAMP = 16 ** STAMP_CHARS - 1;
const stamp = (ms: number) => Math.max(0, Math.min(MAX_STAMP, Math.floor(ms)));

export type StoredVerdict = 'seen' | 'beyond-memory' | undefined;

/** What the stored memory says about a delivery sent at `sentAtMs`: seen, too old to tell, or new. */
export function storedVerdict(staticData: IDataObject, print: string, sentAtMs: number): StoredVerdict {
	const { ring, horizon } = storedMemory(staticData);
	if (ringHas(ring, print)) return 'seen';
	if (horizon > 0 && stamp(sentAtMs) <= horizon) return 'beyond-memory';
	return undefined;
}

export interface RememberedDelivery {
	print: string;
	/** Epoch ms of the delivery's timestamp. */
	sentAt: number;
}

/**
 * Adds deliveries to the stored memory: entries whose timestamp left the window are dropped, then
 * the oldest beyond `capacity`, moving the horizon to their timestamp.
 */
export function rememberInStaticData(
	staticData: IDataObject,
	additions: Iterable<RememberedDelivery>,
	now: number,
	maxAgeSeconds: number,
	capacity: number,
): void {
	const { ring, horizon: storedHorizon } = storedMemory(staticData);
	let horizon = storedHorizon;
	const entries: RememberedDelivery[] = [];
	const known = new Set<string>();
	for (let i = 0; i < ring.length / ENTRY_CHARS; i++) {
		const entry = entryAt(ring, i);
		known.add(entry.print);
		entries.push(entry);
	}
	for (const addition of additions) {
		if (known.has(addition.print)) continue;
		known.add(addition.print);
		entries.push({ print: addition.print, sentAt: stamp(addition.sentAt) });
	}
	const oldest = maxAgeSeconds > 0 ? stamp(now - maxAgeSeconds * 1000) : 0;
	const kept = entries.filter((e) => e.sentAt >= oldest).sort((a, b) => a.sentAt - b.sentAt);
	const excess = kept.length - capacity;
	if (excess > 0) horizon = Math.max(horizon, kept[excess - 1].sentAt);
	const remaining = excess > 0 ? kept.slice(excess) : kept;
	staticData[STATIC_KEY] = { ring: remaining.map((e) => e.print + e.sentAt.toString(16).padStart(STAMP_CHARS, '0')).join(''), horizon };
	if (LEGACY_KEY in staticData) delete staticData[LEGACY_KEY];
}

// ---------------------------------------------------------------------------------------------
// The process layer

/**
 * The deliveries one workflow node saw in this process (claimed by webhook(), recorded by the
 * execution step), oldest first, at most `capacity`. The execution step writes all of them into
 * static data: executions of one process that overlap each load the static data once and save it
 * at their end, the last save winning, so each save has to carry the others' deliveries too.
 */
export class ProcessMemory {
	readonly entries = new Map<string, number>();

	constructor(public capacity: number) {}

	add(print: string, sentAt: number): void {
		if (this.entries.has(print)) return;
		this.entries.set(print, sentAt);
		while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
	}

	*deliveries(): Iterable<RememberedDelivery> {
		for (const [print, sentAt] of this.entries) yield { print, sentAt };
	}
}

/** Workflow nodes remembered in this process; the least recently used beyond this are forgotten. */
const MAX_SCOPES = 256;
const processMemories = new Map<string, ProcessMemory>();

export function processMemory(scope: string, capacity: number): ProcessMemory {
	let memory = processMemories.get(scope);
	if (memory) {
		processMemories.delete(scope);
	} else {
		memory = new ProcessMemory(capacity);
	}
	memory.capacity = capacity;
	processMemories.set(scope, memory);
	while (processMemories.size > MAX_SCOPES) processMemories.delete(processMemories.keys().next().value as string);
	return memory;
}

/**
 * Accepts a delivery once in this process: the verdict of the process and stored memories, and
 * when both have no objection, the delivery is claimed in the process memory. Synchronous on purpose
 * (see the file comment).
 */
export function claimDelivery(staticData: IDataObject, scope: string, print: string, sentAtMs: number, capacity: number): StoredVerdict {
	const memory = processMemory(scope, capacity);
	if (memory.entries.has(print)) return 'seen';
	const verdict = storedVerdict(staticData, print, sentAtMs);
	if (verdict) return verdict;
	memory.add(print, sentAtMs);
	return undefined;
}
