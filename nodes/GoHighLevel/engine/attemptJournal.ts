// What earlier attempts of this node run did with each item, so that n8n's "Retry On Fail" (which
// re-runs the whole node, every item, after an error) never writes an item twice.
//
// The journal belongs to one run of the node in one execution: n8n hands every try of that run the
// same execute-data object, and a later run (a loop, another execution) gets a new one. Keyed weakly
// by that object, the journal goes away with the run, so nothing needs cleaning up or bounding.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

export type ItemOutcome =
	/** The write succeeded: a re-run answers with these items and sends nothing. */
	| { state: 'applied'; items: INodeExecutionData[] }
	/** The write was sent and its answer lost (5xx, broken connection): it may have been applied. */
	| { state: 'uncertain'; sentAt: number; reason: string };

const journals = new WeakMap<object, Map<number, ItemOutcome>>();

export function attemptJournal(ctx: IExecuteFunctions): Map<number, ItemOutcome> | undefined {
	const run = typeof ctx.getExecuteData === 'function' ? (ctx.getExecuteData() as object | undefined) : undefined;
	if (!run) return undefined;
	let journal = journals.get(run);
	if (!journal) {
		journal = new Map();
		journals.set(run, journal);
	}
	return journal;
}

/** A copy of the items, so what the next node does to them cannot change what a re-run returns. */
export function copyItems(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => ({ ...item, json: deepCopy(item.json) }));
}
