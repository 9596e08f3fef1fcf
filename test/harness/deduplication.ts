// n8n's database-backed deduplication (the `processed_data` table behind `checkProcessedAndRecord`
// & co.), stood in by a store that outlives every harness server in the test process, the way the
// database outlives n8n restarts. It follows the cli's DeduplicationHelper: one row per workflow and
// context (`n:<node id>` for scope 'node'), md5 hashes of the values, the oldest trimmed beyond
// `maxEntries`, and a read-modify-write with a database round trip in between (not atomic).
import { createHash } from 'node:crypto';

import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

const rows = new Map<string, string[]>();

function rowKey(scope: DeduplicationScope, context: ICheckProcessedContextData): string {
	if (scope === 'node' && !context.node) throw new UnexpectedError("No node information has been provided and so cannot use scope 'node'");
	return `${context.workflow.id}|${scope === 'node' ? `n:${context.node!.id}` : ''}`;
}

const hash = (value: DeduplicationItemTypes) => createHash('md5').update(value.toString()).digest('base64');
const roundTrip = async () => await new Promise((resolve) => setImmediate(resolve));

class HarnessDeduplicator implements IDataDeduplicator {
	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new UnexpectedError('The harness stands in for mode "entries" only');
		const key = rowKey(scope, context);
		const stored = [...(rows.get(key) ?? [])];
		await roundTrip();
		const seen = new Set(stored);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const hashed = hash(item);
			if (seen.has(hashed)) {
				output.processed.push(item);
			} else {
				output.new.push(item);
				stored.push(hashed);
				seen.add(hashed);
			}
		}
		if (options.maxEntries) stored.splice(0, Math.max(0, stored.length - options.maxEntries));
		rows.set(key, stored);
		return output;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		const key = rowKey(scope, context);
		const drop = new Set(items.map(hash));
		rows.set(key, (rows.get(key) ?? []).filter((h) => !drop.has(h)));
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		rows.delete(rowKey(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return rows.get(rowKey(scope, context))?.length ?? 0;
	}
}

/** Makes n8n-core's deduplication helpers work in this test process (once). */
export async function useHarnessDeduplication(): Promise<void> {
	try {
		DataDeduplicationService.getInstance();
	} catch {
		await DataDeduplicationService.init(new HarnessDeduplicator());
	}
}

/** How many values the "database" holds for a workflow node. */
export function processedCount(workflowId: string, nodeId: string): number {
	return rows.get(`${workflowId}|n:${nodeId}`)?.length ?? 0;
}
