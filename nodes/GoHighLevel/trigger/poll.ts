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

/** Records a newest-first read yields past the high-water mark, oldest first. */
function pastMark(records: IDataObject[], field: string, cursor: Cursor): IDataObject[] {
	const seenAtMark = cursor.d ? digestContains(cursor.d) : () => false;
	const mark = cursor.ts ?? null;
	return records
		.filter((r) => {
			if (mark === null) return true;
			const t = timeOf(r, field);
			return t > mark || (t === mark && !seenAtMark(recordId(r)));
		})
		.sort((a, b) => timeOf(a, field) - timeOf(b, field));
}

/** The next mark: the newest time seen, with every id at exactly that time. */
function advance(cursor: Cursor, emitted: IDataObject[], field: string, previousIdsAtMark: IDataObject[] = []): Pick<Cursor, 'ts' | 'd'> {
	if (emitted.length === 0) return { ts: cursor.ts ?? null, d: cursor.d };
	const newest = Math.max(...emitted.map((r) => timeOf(r, field)));
	const atNewest = emitted.filter((r) => timeOf(r, field) === newest).map(recordId);
	if (newest === cursor.ts) atNewest.push(...previousIdsAtMark.map(recordId));
	return { ts: newest, d: buildDigest(atNewest) };
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
 * Reads ascending from the mark, at most `maxPages` pages, and no page past `deadline` once the read
 * has found a record past the mark (so a poll always makes progress, even when the first pages
 * only hold records it had seen). A page that ends inside a millisecond
 * is followed by one that starts at that millisecond again (a record written into it behind the
 * page's last record is not skipped; records read twice count once); a page that lies within one
 * millisecond is followed by the records after its last one. Returns the records past the mark,
 * oldest first, and the next cursor: the newest time read with the keys of all records read at it,
 * or, when more than EXACT_LIMIT share it, the position after the last of them.
 */
async function readAscending(
	runtime: OperationRuntime,
	field: string,
	userFilters: IDataObject[],
	cursor: Cursor,
	key: (r: IDataObject) => string,
	maxPages: number,
	deadline: number,
) {
	const mark = cursor.ts ?? null;
	const seenAtMark = cursor.d ? digestContains(cursor.d) : () => false;
	// Each record's key once: for updates it hashes the whole record.
	const keyOf = new Map<IDataObject, string>();
	const isFresh = (r: IDataObject) => {
		const t = timeOf(r, field);
		return mark === null || t > mark || (t === mark && !seenAtMark(keyOf.get(r)!));
	};
	const read: IDataObject[] = [];
	const keys = new Set<string>();
	let from = mark;
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
	const newest = Math.max(...fresh.map((r) => timeOf(r, field)));
	const atNewest = read.filter((r) => timeOf(r, field) === newest);
	const after = positionOf(runtime, atNewest[atNewest.length - 1]);
	const continues = newest === mark && cursor.a !== undefined;
	const next: Cursor =
		(continues || atNewest.length > EXACT_LIMIT) && after ? { f: cursor.f, ts: newest, a: after } : { f: cursor.f, ts: newest, d: buildDigest(atNewest.map((r) => keyOf.get(r)!)) };
	return { fresh, next };
}

async function ascending(runtime: OperationRuntime, field: string, cursor: Cursor | undefined, manual: boolean, key: (r: IDataObject) => string, deadline: number) {
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
		if (atNewest.length < PAGE_SIZE) return { items: [], next: { f: 0, ts: newest, d: buildDigest(atNewest.map(key)) } };
		// A page or more share the newest millisecond: read all of them (nothing is emitted). Out of
		// time, the cursor holds those read; the rest of that millisecond comes with the next polls.
		const start = await readAscending(runtime, field, userFilters, { f: 0, ts: newest }, key, MAX_PAGES_FIRST_POLL, deadline);
		return { items: [], next: start.next };
	}
	const { fresh, next } = await readAscending(runtime, field, userFilters, cursor, key, MAX_PAGES_PER_POLL, deadline);
	return { items: await finishRecords(runtime, fresh), next };
}

/**
 * Newest-first reads go down to the mark in one poll: stopping halfway (page cap, poll budget) would
 * leave a gap between the mark and the oldest record read that no later poll could find.
 */
async function newestFirst(runtime: OperationRuntime, field: string, cursor: Cursor | undefined, manual: boolean) {
	if (manual || !cursor) {
		const latest = await fetchRecords(runtime, { returnAll: false, limit: manual ? 1 : runtime.decl.paging?.pageSize ?? 100 });
		if (manual) return { items: latest, next: cursor };
		const newest = latest.length ? Math.max(...latest.map((r) => timeOf(r, field))) : null;
		return { items: [], next: { ts: newest, d: buildDigest(latest.filter((r) => timeOf(r, field) === newest).map(recordId)) } };
	}
	const mark = cursor.ts;
	const records = await fetchRecords(runtime, {
		returnAll: true,
		limit: 0,
		// Stop at the first page that reaches records at or before the mark.
		stopAfter: (page) => mark !== null && mark !== undefined && page.some((r) => timeOf(r, field) <= mark),
	});
	const fresh = pastMark(records, field, cursor);
	const stillAtMark = records.filter((r) => timeOf(r, field) === mark);
	return { items: fresh, next: { ...advance(cursor, fresh, field, stillAtMark), f: cursor.f } };
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
	delete parameters.pollTimes;
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
		const result = await ascending(runtime, field, fresh, manual, key, deadline);
		items = result.items.map((json) => ({ json }));
		next = result.next && { ...result.next, f: fingerprint };
	} else if (strategy.kind === 'newestFirst') {
		const result = await newestFirst(runtime, strategy.time, fresh, manual);
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
