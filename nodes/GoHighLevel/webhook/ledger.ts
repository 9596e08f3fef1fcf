// The layer of replay protection every n8n process shares: n8n's database-backed deduplication
// (`checkProcessedAndRecord`, the `processed_data` table), which only execute functions are given,
// hence its use from the trigger's execution step rather than from webhook().
//
// n8n reads the row, adds to it and writes it back without a transaction, so two calls of one
// process at once would lose one of the additions: calls for the same workflow node are chained
// here. Calls from different processes at the same moment can still race (see the README).
import type { IExecuteFunctions } from 'n8n-workflow';

const chains = new Map<string, Promise<unknown>>();

async function inTurn<T>(scope: string, work: () => Promise<T>): Promise<T> {
	const previous = chains.get(scope) ?? Promise.resolve();
	const next = previous.then(work, work);
	chains.set(scope, next);
	try {
		return await next;
	} finally {
		if (chains.get(scope) === next) chains.delete(scope);
	}
}

/**
 * Records the delivery keys in n8n's deduplication store (the node's last `capacity` keys) and
 * returns those it did not hold yet.
 */
export async function recordFirstDeliveries(ctx: IExecuteFunctions, keys: string[], capacity: number): Promise<Set<string>> {
	const scope = `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id}`;
	const record = async () => await ctx.helpers.checkProcessedAndRecord(keys, 'node', { mode: 'entries', maxEntries: capacity });
	// The first record of a node is an insert: another process inserting at the same moment makes it
	// fail on the key, and the row then exists, so a second attempt updates it.
	const result = await inTurn(scope, async () => await record().catch(record));
	return new Set(result.new.map(String));
}
