import type { IDataObject } from 'n8n-workflow';

import type { Paging } from './declarations';
import type { OperationRuntime } from './runtime';
import { recordsOf } from './output';
import { declaredRequest } from './runtime';
import { getPath } from './values';

export interface ListOptions {
	returnAll: boolean;
	limit: number;
	/** Stops paging after a page for which this is true (e.g. it reached records already seen). */
	stopAfter?: (page: IDataObject[]) => boolean;
	/** At most this many pages (a poll drains a large backlog over several runs). */
	maxPages?: number;
}

/** Paging parameters of a list's first page (before the page size). */
export function firstPageParams(paging: Paging): IDataObject {
	return paging.style === 'cursor' ? { ...paging.start } : { [paging.offset]: paging.counts === 'pages' ? 1 : 0 };
}

/**
 * Cursor parameters of the page after `last`: `$last.<path>` sources from the last record, the
 * others from the response body (undefined where a source is missing).
 */
export function nextCursorParams(paging: Extract<Paging, { style: 'cursor' }>, last: IDataObject, body: unknown): IDataObject {
	const next: IDataObject = {};
	for (const [param, source] of Object.entries(paging.next)) {
		next[param] = (source.startsWith('$last.') ? getPath(last, source.slice('$last.'.length)) : getPath(body, source)) as IDataObject[keyof IDataObject];
	}
	return next;
}

/** One page of a paged list: the request with these paging parameters, its body and its records. */
export async function fetchPage(runtime: OperationRuntime, params: IDataObject): Promise<{ body: unknown; records: IDataObject[] }> {
	const { decl } = runtime;
	const where = decl.paging?.in === 'query' ? { qs: params } : { body: params };
	const { body } = await declaredRequest(runtime, where);
	return { body, records: recordsOf(decl, body, runtime) };
}

/**
 * Fetches a list in whatever paging style the declaration names. Each page re-sends the full
 * original query and body; only the paging parameters change.
 */
export async function fetchList(runtime: OperationRuntime, options: ListOptions): Promise<IDataObject[]> {
	const { decl } = runtime;
	const paging = decl.paging;
	const wanted = options.returnAll ? Infinity : options.limit;
	if (!paging) {
		const records = recordsOf(decl, (await declaredRequest(runtime)).body, runtime);
		return options.returnAll ? records : records.slice(0, options.limit);
	}

	const pageSize = Math.max(1, Math.min(paging.pageSize, wanted));
	const collected: IDataObject[] = [];
	let position = firstPageParams(paging);
	const seenCursors = new Set<string>();
	let pages = 0;

	while (collected.length < wanted && pages < (options.maxPages ?? Infinity)) {
		pages++;
		const { body, records: page } = await fetchPage(runtime, { [paging.limit]: pageSize, ...position });
		collected.push(...page);
		if (page.length < pageSize || options.stopAfter?.(page)) break;

		if (paging.style === 'offset') {
			position = { [paging.offset]: (position[paging.offset] as number) + (paging.counts === 'items' ? page.length : 1) };
			continue;
		}
		if (paging.more && !getPath(body, paging.more)) break;
		const next = nextCursorParams(paging, page[page.length - 1], body);
		if (Object.values(next).some((v) => v === undefined || v === null || v === '')) break;
		// Guards against a server that keeps answering the same cursor.
		const fingerprint = JSON.stringify(next);
		if (seenCursors.has(fingerprint)) break;
		seenCursors.add(fingerprint);
		position = next;
	}
	return options.returnAll ? collected : collected.slice(0, options.limit);
}
