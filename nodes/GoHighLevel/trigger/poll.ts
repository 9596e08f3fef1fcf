import type { IBinaryData, IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { prepareOperation, runOperation } from '../engine/executor';
import { finishRecords, recordsOf } from '../engine/output';
import { fetchPage, firstPageParams, nextCursorParams } from '../engine/pagination';
import type { OperationRuntime } from '../engine/runtime';
import { declaredRequest, requestBody, setBodyFields } from '../engine/runtime';
import { loadAuthSession } from '../transport/session';
import { pollAsExecute } from './context';
import { EXACT_LIMIT, buildDigest, digestContains, hash32 } from './digest';
import type { TriggerEvent } from './events';
import { findEvent } from './events';
import { DEFAULT_LATE_WINDOW_SECONDS, LATE_WINDOW_PARAMETER, MAX_LATE_WINDOW_SECONDS } from './lateWindow';

/** Pages one poll may read before it leaves the rest of a backlog to the next poll. */
const MAX_PAGES_PER_POLL = 20;
/** Pages the first poll may read to learn every record of the newest millisecond. */
const MAX_PAGES_FIRST_POLL = 100;
/** Records per page of a time-ordered read. */
const PAGE_SIZE = 100;

/**
 * Share of n8n's poll budget (`getPollBudgetMs()`, the time after which n8n ≥ 2.41 abandons the
 * tick) a time-ordered read may spend paging before it returns what it has; the rest of the
 * backlog is left to the next polls, exactly like the page caps above.
 */
const BUDGET_SHARE = 0.5;

/**
 * Epoch ms after which a poll stops paging a backlog. Older n8n has no `getPollBudgetMs` (the
 * peer dependency is any n8n-workflow): then only the page caps bound a poll.
 */
function pagingDeadline(poll: IPollFunctions, started: number): number {
	const budget = (poll as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs?.();
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? started + budget * BUDGET_SHARE : Infinity;
}

/** The Late Records Window option, in ms; checked like any parameter. */
function lateWindowMs(poll: IPollFunctions): number {
	const raw = poll.getNodeParameter(LATE_WINDOW_PARAMETER, DEFAULT_LATE_WINDOW_SECONDS) as unknown;
	const seconds = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (raw === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_LATE_WINDOW_SECONDS) {
		throw new NodeOperationError(poll.getNode(), `Late Records Window (Seconds): "${String(raw)}" is not a number of seconds between 0 and ${MAX_LATE_WINDOW_SECONDS}`, {
			description: 'Check the parameter "Late Records Window (Seconds)". Nothing was sent to HighLevel.',
		});
	}
	return Math.round(seconds * 1000);
}

interface Cursor {
	/** Fingerprint of the event and its parameters: a changed setup starts over. */
	f: number;
	/** High-water mark (epoch ms) of time-ordered events; null = nothing seen yet. */
	ts?: number | null;
	/**
	 * Digest of the keys at exactly `ts` (time-ordered: ids, or id@content hash for updates), of the
	 * list keys (digest), or the record hash.
	 */
	d?: string;
	/**
	 * Time-ordered, instead of `d` when more than EXACT_LIMIT records share `ts`: the paging cursor
	 * (e.g. `searchAfter`) of the last record read at `ts`; the next poll goes on after it.
	 */
	a?: IDataObject;
	/**
	 * Late-record window (ms): `d` holds the key of every record at or after `ts - w`, and the next
	 * poll reads again from there, so a record that becomes visible late, behind newer ones already
	 * emitted, is still emitted (once). Absent (cursors of earlier versions): 0, only `ts`.
	 */
	w?: number;
}

/** Where a cursor's window starts: records at or after it were read, the digest knows their keys. */
function windowStart(cursor: Cursor): number | null {
	if (cursor.ts === null || cursor.ts === undefined) return null;
	return cursor.ts - (cursor.a ? 0 : (cursor.w ?? 0));
}

/** Whether a record read now was not emitted before: past the mark, or in the window and unknown. */
function freshness(cursor: Cursor, field: string, keyOf: (r: IDataObject) => string): (r: IDataObject) => boolean {
	const mark = cursor.ts ?? null;
	const start = windowStart(cursor);
	const seen = cursor.d ? digestContains(cursor.d) : () => false;
	return (r) => {
		if (mark === null || start === null) return true;
		const t = timeOf(r, field);
		return t > mark || (t >= start && !seen(keyOf(r)));
	};
}

/**
 * Records older than the mark a late-record window may hold next to `atMark` records at the mark:
 * less than half a page, so re-reading it keeps an idle poll at one request and leaves most of each
 * page to new records while a backlog drains.
 */
function windowRoom(pageSize: number, atMark: number): number {
	return Math.max(0, Math.min(Math.floor(pageSize / 2) - 1, pageSize - 1 - atMark));
}

/**
 * The cursor after a read that saw every record from `readFrom` on (null: from the beginning): the
 * mark `ts` and the keys of the records in the window before it. The window reaches `lateWindowMs`
 * back, never before `readFrom`, and holds at most `room` records older than the mark, so its
 * digest stays exact and an idle poll stays one page; under a flood of writes it covers less time.
 */
function windowedCursor(
	read: IDataObject[],
	field: string,
	keyOf: (r: IDataObject) => string,
	ts: number,
	readFrom: number | null,
	lateWindowMs: number,
	room: number,
): Cursor {
	let start = ts - lateWindowMs;
	if (readFrom !== null) start = Math.max(start, readFrom);
	const older = read
		.map((r) => timeOf(r, field))
		.filter((t) => t < ts && t >= start)
		.sort((a, b) => b - a);
	const fits = Math.max(0, room);
	if (older.length > fits) start = older[fits] + 1;
	const keys = read.filter((r) => timeOf(r, field) >= start).map(keyOf);
	return { f: 0, ts, d: buildDigest(keys), w: ts - start };
}

function recordId(record: IDataObject): string {
	const id = record.id ?? record._id;
	return id === undefined || id === null ? `#${hash32(JSON.stringify(record))}` : String(id);
}

function timeOf(record: IDataObject, field: string): number {
	const value = record[field];
	if (typeof value === 'number') return value;
	const parsed = Date.parse(String(value));
	return Number.isFinite(parsed) ? parsed : 0;
}

function withoutTrace(body: IDataObject): IDataObject {
	const copy = { ...body };
	delete copy.traceId;
	return copy;
}

async function fetchRecords(runtime: OperationRuntime, options: Parameters<typeof runOperation>[1]): Promise<IDataObject[]> {
	return (await runOperation(runtime, options)).map((item) => item.json);
}

/**
 * The paging parameters that continue after `record`, if the cursor paging takes them all from the
 * last record (`$last.` sources): a position stored in the cursor has no response body to read.
 */
function positionOf(runtime: OperationRuntime, record: IDataObject): IDataObject | undefined {
	const paging = runtime.decl.paging;
	if (paging?.style !== 'cursor') return undefined;
	const position = nextCursorParams(paging, record, undefined);
	return Object.values(position).some((value) => value === undefined || value === null) ? undefined : position;
}

/** One page of raw records (before Simplify): sorted by `field`, at or after `from`, or after `position`. */
async function timePage(
	runtime: OperationRuntime,
	field: string,
	userFilters: IDataObject[],
	direction: 'asc' | 'desc',
	limit: number,
	from: number | null,
	position?: IDataObject,
): Promise<IDataObject[]> {
	const { decl } = runtime;
	setBodyFields(runtime, { sort: [{ field, direction }] });
	if (from !== null) setBodyFields(runtime, { filters: [...userFilters, { field, operator: 'range', value: { gte: new Date(from).toISOString() } }] });
	const paging = decl.paging;
	if (!paging) return recordsOf(decl, (await declaredRequest(runtime)).body, runtime);
	return (await fetchPage(runtime, { [paging.limit]: limit, ...(position ?? firstPageParams(paging)) })).records;
}

/**
 * Reads ascending from the start of the cursor's late-records window, at most `maxPages` pages, and
 * no page past `deadline` once the read has found a fresh record (so a poll always makes progress,
 * even when the first pages only hold records it had seen). A page that ends inside a millisecond
 * is followed by one that starts at that millisecond again (a record written into it behind the
 * page's last record is not skipped; records read twice count once); a page that lies within one
 * millisecond is followed by the records after its last one. Returns the fresh records (past the
 * mark, or in the window and not seen before), oldest first, and the next cursor: the newest time
 * read with the keys of the records in its window, or, when more than EXACT_LIMIT share that time,
 * the position after the last of them.
 */
async function readAscending(
	runtime: OperationRuntime,
	field: string,
	userFilters: IDataObject[],
	cursor: Cursor,
	key: (r: IDataObject) => string,
	maxPages: number,
	deadline: number,
	lateWindowMs: number,
) {
	const mark = cursor.ts ?? null;
	const windowFrom = windowStart(cursor);
	// Each record's key once: for updates it hashes the whole record.
	const keyOf = new Map<IDataObject, string>();
	const isFresh = freshness(cursor, field, (r) => keyOf.get(r)!);
	const read: IDataObject[] = [];
	const keys = new Set<string>();
	let from = windowFrom;
	let position = cursor.a;
	let anyFresh = false;
	for (let pages = 0; pages < maxPages; pages++) {
		// Out of time: stop like at the page cap; the cursor below resumes after the last record read.
		if (anyFresh && Date.now() >= deadline) break;
		const page = await timePage(runtime, field, userFilters, 'asc', PAGE_SIZE, from, position);
		for (const r of page) {
			const k = key(r);
			if (keys.has(k)) continue;
			keys.add(k);
			keyOf.set(r, k);
			read.push(r);
			anyFresh ||= isFresh(r);
		}
		if (page.length < PAGE_SIZE) break;
		const last = page[page.length - 1];
		from = timeOf(last, field);
		position = timeOf(page[0], field) === from ? positionOf(runtime, last) : undefined;
	}
	const fresh = read.filter(isFresh).sort((a, b) => timeOf(a, field) - timeOf(b, field));
	if (fresh.length === 0) return { fresh, next: cursor };
	// A late record (behind the mark) does not move the mark back.
	const newest = Math.max(mark ?? -Infinity, ...fresh.map((r) => timeOf(r, field)));
	const atNewest = read.filter((r) => timeOf(r, field) === newest);
	const after = positionOf(runtime, atNewest[atNewest.length - 1]);
	const continues = newest === mark && cursor.a !== undefined;
	if ((continues || atNewest.length > EXACT_LIMIT) && after) return { fresh, next: { f: cursor.f, ts: newest, a: after } };
	// After a position inside the mark's millisecond, the records before it were not read again.
	const readFrom = windowFrom === null ? null : cursor.a ? windowFrom + 1 : windowFrom;
	const next = windowedCursor(read, field, (r) => keyOf.get(r)!, newest, readFrom, lateWindowMs, windowRoom(PAGE_SIZE, atNewest.length));
	return { fresh, next: { ...next, f: cursor.f } };
}

async function ascending(
	runtime: OperationRuntime,
	field: string,
	cursor: Cursor | undefined,
	manual: boolean,
	key: (r: IDataObject) => string,
	deadline: number,
	lateWindowMs: number,
) {
	const { filters } = requestBody(runtime);
	const userFilters = Array.isArray(filters) ? [...(filters as IDataObject[])] : [];
	setBodyFields(runtime, {});
	if (manual) {
		setBodyFields(runtime, { sort: [{ field, direction: 'desc' }] });
		return { items: await fetchRecords(runtime, { returnAll: false, limit: 1 }), next: cursor };
	}
	if (!cursor) {
		const latest = await timePage(runtime, field, userFilters, 'desc', PAGE_SIZE, null);
		if (latest.length === 0) return { items: [], next: { f: 0, ts: null } };
		const newest = timeOf(latest[0], field);
		const atNewest = latest.filter((r) => timeOf(r, field) === newest);
		if (atNewest.length < PAGE_SIZE) {
			// A full page may have cut a millisecond short: the window starts after it.
			const readFrom = latest.length < PAGE_SIZE ? null : timeOf(latest[latest.length - 1], field) + 1;
			return { items: [], next: windowedCursor(latest, field, key, newest, readFrom, lateWindowMs, windowRoom(PAGE_SIZE, atNewest.length)) };
		}
		// A page or more share the newest millisecond: read all of them (nothing is emitted). Out of
		// time, the cursor holds those read; the rest of that millisecond comes with the next polls.
		const start = await readAscending(runtime, field, userFilters, { f: 0, ts: newest }, key, MAX_PAGES_FIRST_POLL, deadline, 0);
		return { items: [], next: start.next };
	}
	const { fresh, next } = await readAscending(runtime, field, userFilters, cursor, key, MAX_PAGES_PER_POLL, deadline, lateWindowMs);
	return { items: await finishRecords(runtime, fresh), next };
}

/**
 * Newest-first reads go down to the window start in one poll: stopping halfway (page cap, poll
 * budget) would leave a gap between the mark and the oldest record read that no later poll could find.
 */
async function newestFirst(runtime: OperationRuntime, field: string, cursor: Cursor | undefined, manual: boolean, lateWindowMs: number) {
	const pageSize = runtime.decl.paging?.pageSize ?? 100;
	const atTime = (records: IDataObject[], t: number) => records.filter((r) => timeOf(r, field) === t).length;
	if (manual || !cursor) {
		const latest = await fetchRecords(runtime, { returnAll: false, limit: manual ? 1 : pageSize });
		if (manual) return { items: latest, next: cursor };
		if (latest.length === 0) return { items: [], next: { f: 0, ts: null } };
		const times = latest.map((r) => timeOf(r, field));
		const newest = Math.max(...times);
		const readFrom = latest.length < pageSize ? null : Math.min(...times) + 1;
		return { items: [], next: windowedCursor(latest, field, recordId, newest, readFrom, lateWindowMs, windowRoom(pageSize, atTime(latest, newest))) };
	}
	const start = windowStart(cursor);
	const records = await fetchRecords(runtime, {
		returnAll: true,
		limit: 0,
		// Stop at the first page that reaches records before the window.
		stopAfter: (page) => start !== null && page.some((r) => timeOf(r, field) < start),
	});
	const isFresh = freshness(cursor, field, recordId);
	const fresh = records.filter(isFresh).sort((a, b) => timeOf(a, field) - timeOf(b, field));
	if (fresh.length === 0) return { items: fresh, next: cursor };
	const newest = Math.max(cursor.ts ?? -Infinity, ...fresh.map((r) => timeOf(r, field)));
	const next = windowedCursor(records, field, recordId, newest, start, lateWindowMs, windowRoom(pageSize, atTime(records, newest)));
	return { items: fresh, next: { ...next, f: cursor.f } };
}

/** Lists without time order are compared whole (a partial list would re-emit its unread records later). */
async function digest(runtime: OperationRuntime, cursor: Cursor | undefined, manual: boolean, changes: boolean) {
	if (manual) return { items: await fetchRecords(runtime, { returnAll: false, limit: 1 }), next: cursor };
	const records = await fetchRecords(runtime, { returnAll: true, limit: 0, maxPages: 50 });
	const key = (r: IDataObject) => (changes ? `${recordId(r)}@${hash32(JSON.stringify(r))}` : recordId(r));
	const known = cursor?.d ? digestContains(cursor.d) : undefined;
	const items = known ? records.filter((r) => !known(key(r))) : [];
	return { items, next: { f: cursor?.f ?? 0, d: buildDigest(records.map(key)) } };
}

/** Hash of a file's bytes, wherever n8n keeps them (in memory as base64, or in a binary data store). */
async function fileHash(runtime: OperationRuntime, data: IBinaryData): Promise<number> {
	const { helpers } = runtime.ctx;
	const bytes = data.id ? await helpers.binaryToBuffer(await helpers.getBinaryStream(data.id)) : Buffer.from(data.data, 'base64');
	return hash32(bytes.toString('latin1'));
}

/** What a record event compares: the JSON (without trace ids) and, for files, their bytes (a file may change and keep its size). */
async function recordState(runtime: OperationRuntime, items: INodeExecutionData[]): Promise<string> {
	const parts: unknown[] = [];
	for (const item of items) {
		if (!item.binary) {
			parts.push(withoutTrace(item.json));
			continue;
		}
		const files: IDataObject = {};
		for (const [name, data] of Object.entries(item.binary)) files[name] = await fileHash(runtime, data);
		parts.push({ json: withoutTrace(item.json), files });
	}
	return String(hash32(JSON.stringify(parts)));
}

async function record(runtime: OperationRuntime, cursor: Cursor | undefined, manual: boolean) {
	const items = await runOperation(runtime).catch((error: unknown) => {
		// A record that disappeared is an event too.
		if (error instanceof NodeApiError && error.httpCode === '404') return null;
		throw error;
	});
	const current: INodeExecutionData[] = items ?? [{ json: { deleted: true, ...runtime.parts.pathParams } }];
	if (manual) return { binaryItems: current, next: cursor };
	const state = items === null ? 'deleted' : await recordState(runtime, current);
	const changed = cursor?.d !== undefined && cursor.d !== state;
	return { binaryItems: changed ? current : [], next: { f: cursor?.f ?? 0, d: state } };
}

/** One poll of the chosen event: only what changed since the last poll, the cursor moved after the items are built. */
export async function pollEvent(poll: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const deadline = pagingDeadline(poll, Date.now());
	const key = poll.getNodeParameter('event') as string;
	const event: TriggerEvent | undefined = findEvent(key);
	if (!event) throw new NodeOperationError(poll.getNode(), `Unknown event "${key}"`);
	const manual = poll.getMode() === 'manual';
	const ctx = pollAsExecute(poll);
	const session = await loadAuthSession(poll);
	const runtime = await prepareOperation(ctx, session, event.decl, 0);

	const staticData = poll.getWorkflowStaticData('node');
	const parameters = { ...poll.getNode().parameters };
	// Settings that do not change which records the event reads keep the cursor.
	delete parameters.pollTimes;
	delete parameters.requestOptions;
	delete parameters[LATE_WINDOW_PARAMETER];
	const fingerprint = hash32(JSON.stringify(parameters));
	const stored = staticData.cursor as Cursor | undefined;
	const fresh = stored && stored.f === fingerprint ? stored : undefined;

	let items: INodeExecutionData[];
	let next: Cursor | undefined;
	const emit = poll.getNodeParameter('emit', 'new') as string;
	const strategy = event.strategy;
	if (strategy.kind === 'ascending') {
		const updates = emit === 'newOrUpdated' && strategy.updated !== undefined;
		const field = (updates && strategy.updated) || strategy.created;
		// Updates key records by content too: one updated twice in the same millisecond is new again.
		const key = updates ? (r: IDataObject) => `${recordId(r)}@${hash32(JSON.stringify(r))}` : recordId;
		const result = await ascending(runtime, field, fresh, manual, key, deadline, lateWindowMs(poll));
		items = result.items.map((json) => ({ json }));
		next = result.next && { ...result.next, f: fingerprint };
	} else if (strategy.kind === 'newestFirst') {
		const result = await newestFirst(runtime, strategy.time, fresh, manual, lateWindowMs(poll));
		items = result.items.map((json) => ({ json }));
		next = result.next && { ...result.next, f: fingerprint };
	} else if (strategy.kind === 'digest') {
		const result = await digest(runtime, fresh, manual, emit !== 'new');
		items = result.items.map((json) => ({ json }));
		next = result.next && { ...result.next, f: fingerprint };
	} else {
		const result = await record(runtime, fresh, manual);
		items = result.binaryItems;
		next = result.next && { ...result.next, f: fingerprint };
	}

	// The only write to the static data, once the poll has succeeded and its items are built; the
	// stored cursor object is replaced, never changed in place. n8n ≥ 2.41 stages what a poll writes
	// here and commits it only after the execution started with these items is persisted (or, for a
	// poll that emits nothing, through `__commitCursor`), so a poll that fails, or whose execution is
	// lost, reads the same window again. Manual runs ("Fetch Test Event") never move the cursor.
	if (!manual && next) staticData.cursor = next;
	return items.length ? [items] : null;
}
