import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { prepareOperation, runOperation } from '../engine/executor';
import type { OperationRuntime } from '../engine/runtime';
import { loadAuthSession } from '../transport/session';
import { pollAsExecute } from './context';
import { buildDigest, digestContains, hash32 } from './digest';
import type { TriggerEvent } from './events';
import { findEvent } from './events';

/** Pages one poll may read before it leaves the rest of a backlog to the next poll. */
const MAX_PAGES_PER_POLL = 20;

interface Cursor {
	/** Fingerprint of the event and its parameters: a changed setup starts over. */
	f: number;
	/** High-water mark (epoch ms) of time-ordered events; null = nothing seen yet. */
	ts?: number | null;
	/** Digest of the ids at exactly `ts` (time-ordered), of the list keys (digest), or the record hash. */
	d?: string;
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

/** Records a newest-first or ascending page yields past the high-water mark, oldest first. */
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

async function ascending(runtime: OperationRuntime, field: string, cursor: Cursor | undefined, manual: boolean) {
	const body = runtime.parts.body;
	const userFilters = Array.isArray(body.filters) ? (body.filters as IDataObject[]) : [];
	runtime.parts.hasBody = true;
	if (manual || !cursor) {
		body.sort = [{ field, direction: 'desc' }];
		const latest = await fetchRecords(runtime, { returnAll: false, limit: manual ? 1 : 100 });
		if (manual) return { items: latest, next: cursor };
		const newest = latest.length ? timeOf(latest[0], field) : null;
		const ids = latest.filter((r) => timeOf(r, field) === newest);
		return { items: [], next: { ts: newest, d: buildDigest(ids.map(recordId)) } };
	}
	body.sort = [{ field, direction: 'asc' }];
	if (cursor.ts !== null && cursor.ts !== undefined) {
		body.filters = [...userFilters, { field, operator: 'range', value: { gte: new Date(cursor.ts).toISOString() } }];
	}
	const records = await fetchRecords(runtime, { returnAll: true, limit: 0, maxPages: MAX_PAGES_PER_POLL });
	const fresh = pastMark(records, field, cursor);
	const stillAtMark = records.filter((r) => timeOf(r, field) === cursor.ts);
	return { items: fresh, next: { ...advance(cursor, fresh, field, stillAtMark), f: cursor.f } };
}

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

async function digest(runtime: OperationRuntime, cursor: Cursor | undefined, manual: boolean, changes: boolean) {
	if (manual) return { items: await fetchRecords(runtime, { returnAll: false, limit: 1 }), next: cursor };
	const records = await fetchRecords(runtime, { returnAll: true, limit: 0, maxPages: 50 });
	const key = (r: IDataObject) => (changes ? `${recordId(r)}@${hash32(JSON.stringify(r))}` : recordId(r));
	const known = cursor?.d ? digestContains(cursor.d) : undefined;
	const items = known ? records.filter((r) => !known(key(r))) : [];
	return { items, next: { f: cursor?.f ?? 0, d: buildDigest(records.map(key)) } };
}

async function record(runtime: OperationRuntime, cursor: Cursor | undefined, manual: boolean) {
	const items = await runOperation(runtime).catch((error: unknown) => {
		// A record that disappeared is an event too.
		if (error instanceof NodeApiError && error.httpCode === '404') return null;
		throw error;
	});
	const current: INodeExecutionData[] = items ?? [{ json: { deleted: true, ...runtime.parts.pathParams } }];
	const state = items === null ? 'deleted' : String(hash32(JSON.stringify(current.map((i) => withoutTrace(i.json)))));
	if (manual) return { binaryItems: current, next: cursor };
	const changed = cursor?.d !== undefined && cursor.d !== state;
	return { binaryItems: changed ? current : [], next: { f: cursor?.f ?? 0, d: state } };
}

/** One poll of the chosen event: only what changed since the last poll, the cursor moved after the items are built. */
export async function pollEvent(poll: IPollFunctions): Promise<INodeExecutionData[][] | null> {
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
		const field = emit === 'newOrUpdated' && strategy.updated ? strategy.updated : strategy.created;
		const result = await ascending(runtime, field, fresh, manual);
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

	// Manual runs ("Fetch Test Event") never move the cursor.
	if (!manual && next) staticData.cursor = next;
	return items.length ? [items] : null;
}
