// Finding the record an earlier attempt of the same write may have created, as its declaration
// says (`earlierAttempt`): one read of the API, candidates compared on the fields the write carries.
import type { IDataObject } from 'n8n-workflow';

import type { EarlierAttemptLookup, WriteValue } from '../actions/types';
import type { OperationRuntime } from './runtime';
import { getPath } from './values';

/** Clock difference tolerated between n8n and HighLevel when comparing creation times. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** A value of the write, per the declaration's `body.x` / `path.x` / `query.x` / `location`. */
export function writeValue(runtime: OperationRuntime, ref: WriteValue): unknown {
	if (ref === 'location') return runtime.locationId;
	const dot = ref.indexOf('.');
	const where = ref.slice(0, dot);
	const name = ref.slice(dot + 1);
	if (where === 'body') return getPath(runtime.parts.body, name);
	if (where === 'path') return runtime.parts.pathParams[name];
	if (where === 'query') return runtime.parts.qs[name];
	return undefined;
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function epochMs(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/** Equal as written: dates by instant (HighLevel answers in the calendar's offset), text trimmed and case-insensitive. */
export function sameValue(candidate: unknown, written: unknown): boolean {
	const a = epochMs(candidate);
	const b = epochMs(written);
	if (a !== undefined && b !== undefined) return a === b;
	if (typeof candidate === 'object' || typeof written === 'object') return JSON.stringify(candidate) === JSON.stringify(written);
	return String(candidate).trim().toLowerCase() === String(written).trim().toLowerCase();
}

function candidatesOf(body: unknown, root: string): IDataObject[] {
	const found = getPath(body, root);
	if (Array.isArray(found)) return found.filter((c): c is IDataObject => typeof c === 'object' && c !== null);
	return typeof found === 'object' && found !== null ? [found as IDataObject] : [];
}

export type EarlierAttemptFinding =
	| { applied: true; record: IDataObject }
	| { applied: false }
	/** The write carries nothing to recognise its record by. */
	| { applied: 'unknown' };

/** Whether an earlier attempt (sent at `since`, epoch ms) created the record, per the declaration's lookup. */
export async function findEarlierAttempt(runtime: OperationRuntime, lookup: EarlierAttemptLookup, since: number): Promise<EarlierAttemptFinding> {
	const qs: IDataObject = { ...lookup.fixedQuery };
	let identifying = 0;
	for (const [name, ref] of Object.entries(lookup.query ?? {})) {
		const value = writeValue(runtime, ref);
		if (!present(value)) continue;
		qs[name] = value as IDataObject[keyof IDataObject];
		if (ref !== 'location') identifying++;
	}
	const expected = Object.entries(lookup.match)
		.map(([field, ref]) => [field, writeValue(runtime, ref)] as const)
		.filter(([, value]) => present(value));
	if (identifying + expected.length === 0) return { applied: 'unknown' };

	const pathParams = { ...runtime.parts.pathParams };
	for (const [name, ref] of Object.entries(lookup.pathParams ?? {})) {
		const value = writeValue(runtime, ref);
		if (!present(value)) return { applied: 'unknown' };
		pathParams[name] = String(value);
	}
	const response = await runtime.request({
		method: 'GET',
		path: lookup.path,
		pathParams,
		qs,
		version: lookup.version,
		scopes: lookup.scopes,
	});
	const record = candidatesOf(response.body, lookup.root).find((candidate) => {
		if (lookup.createdAt) {
			const created = epochMs(getPath(candidate, lookup.createdAt));
			if (created !== undefined && created < since - CLOCK_SKEW_MS) return false;
		}
		return expected.every(([field, value]) => sameValue(getPath(candidate, field), value));
	});
	return record ? { applied: true, record } : { applied: false };
}
