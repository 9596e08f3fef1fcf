// Several items of one run in flight at once, so bulk work is bound by HighLevel's rate limit (the
// transport paces) rather than by its latency; safety first:
// - items whose writes could touch the same record (same email or phone, same contact, same path
//   record) never overlap: they run one after the other, in input order;
// - operations that send messages or start automations run one item at a time;
// - outputs are collected per item, so order and pairing stay those of the input.
import type { OperationDeclaration, WriteValue } from './declarations';
import { writeValue } from './earlierAttempt';
import type { OperationRuntime } from './runtime';

/** Reads (GET, or searches sent as POST and declared idempotent) never conflict. */
function isRead(decl: OperationDeclaration): boolean {
	return decl.method === 'GET' || decl.idempotent === true;
}

/**
 * Writes whose effect reaches people (messages, workflows and campaigns that send them) or money:
 * one at a time, so a failure stops the run before the next one is sent.
 */
const REACHES_PEOPLE = /\/conversations\/messages|\/workflow\/|\/campaigns\/|\/payments|\/invoices/;

/** Values of a write that identify a record it could create or change, beyond its path parameters. */
const IDENTIFYING_BODY_FIELDS: WriteValue[] = ['body.email', 'body.phone', 'body.contactId'];

export interface OverlapRule {
	/** The whole run, one item at a time. */
	oneAtATime: boolean;
	/** Values of the write two items must not share while in flight (empty: items are independent). */
	conflictsOn: WriteValue[];
}

/** The declaration's own rule (`inFlight`), else one derived from its method and path. */
export function overlapRule(decl: OperationDeclaration): OverlapRule {
	if (isRead(decl)) return { oneAtATime: decl.inFlight?.oneAtATime === true, conflictsOn: decl.inFlight?.conflictsOn ?? [] };
	const pathParams = [...decl.path.matchAll(/\{(\w+)\}/g)].map((m) => `path.${m[1]}`);
	return {
		oneAtATime: decl.inFlight?.oneAtATime ?? REACHES_PEOPLE.test(decl.path),
		conflictsOn: decl.inFlight?.conflictsOn ?? [...pathParams, ...IDENTIFYING_BODY_FIELDS],
	};
}

/** The item's conflict keys: `field=value` for every declared value the write carries (text compared case-insensitively). */
export function conflictKeys(runtime: OperationRuntime, rule: OverlapRule): string[] {
	const keys: string[] = [];
	for (const ref of rule.conflictsOn) {
		const value = writeValue(runtime, ref);
		if (value === undefined || value === null || value === '') continue;
		const name = ref.slice(ref.indexOf('.') + 1);
		keys.push(`${name}=${String(typeof value === 'object' ? JSON.stringify(value) : value).trim().toLowerCase()}`);
	}
	return keys;
}

/** Thrown to an item that must not be sent: an earlier item failed and the run stops there. */
export class Stopped extends Error {}

/**
 * Called by an item once it knows its conflict keys, right before it sends anything that could
 * conflict: resolves when no earlier item sharing a key is still running.
 */
export type WaitForTurn = (keys: string[]) => Promise<void>;

export interface InFlightOptions {
	/** Items running at once (1 = one at a time). */
	limit: number;
	/** Stop at the first failure: later items not yet sent are never sent. */
	stopOnError: boolean;
	/** Run item 0 alone first (it proves or refreshes the token and tells the pacer the limits). */
	firstAlone: boolean;
	/** > 0: items run in batches of `limit`, this long apart (as the HTTP Request node's Batch Interval). */
	batchIntervalMs: number;
	sleep: (ms: number) => Promise<void>;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function deferred(): { promise: Promise<void>; resolve: () => void } {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

/**
 * Runs `task` for items 0..count-1 with up to `limit` in flight, started in input order; returns
 * each item's outcome at its index. Items sharing a conflict key run in input order, never at once:
 * an item registers its keys only after the item before it has registered its own.
 */
export async function runInFlight<T>(count: number, options: InFlightOptions, task: (index: number, waitForTurn: WaitForTurn) => Promise<T>): Promise<Array<Settled<T> | undefined>> {
	const results: Array<Settled<T> | undefined> = new Array(count);
	const limit = Math.max(1, Math.floor(options.limit));
	/** Per key: the completion of the last item that registered it. */
	const holders = new Map<string, Promise<void>>();
	let previousRegistered: Promise<void> = Promise.resolve();
	let firstFailure = Infinity;
	const running = new Set<Promise<void>>();

	const start = (index: number): Promise<void> => {
		const registered = deferred();
		const done = deferred();
		const afterPrevious = previousRegistered;
		previousRegistered = registered.promise;
		let hasRegistered = false;
		const waitForTurn: WaitForTurn = async (keys) => {
			if (hasRegistered) return;
			await afterPrevious;
			hasRegistered = true;
			const earlier = keys.map((key) => holders.get(key)).filter((p): p is Promise<void> => p !== undefined);
			for (const key of keys) holders.set(key, done.promise);
			registered.resolve();
			await Promise.all(earlier);
			if (options.stopOnError && firstFailure < index) throw new Stopped();
		};
		const run = (async () => {
			try {
				if (options.stopOnError && firstFailure < index) throw new Stopped();
				results[index] = { ok: true, value: await task(index, waitForTurn) };
			} catch (error) {
				results[index] = { ok: false, error };
				if (!(error instanceof Stopped)) firstFailure = Math.min(firstFailure, index);
			} finally {
				// An item that never reached its turn (journal answer, failure while preparing) holds no key.
				if (!hasRegistered) {
					hasRegistered = true;
					void afterPrevious.then(registered.resolve);
				}
				done.resolve();
			}
		})();
		running.add(run);
		void run.then(() => running.delete(run));
		return run;
	};

	let index = 0;
	if (options.firstAlone && count > 0) await start(index++);
	for (; index < count; index++) {
		if (options.stopOnError && firstFailure < Infinity) break;
		if (options.batchIntervalMs > 0 && index > 0 && index % limit === 0) {
			await Promise.all(running);
			await options.sleep(options.batchIntervalMs);
		}
		while (running.size >= limit) await Promise.race(running);
		if (options.stopOnError && firstFailure < Infinity) break;
		void start(index);
	}
	await Promise.all(running);
	return results;
}
