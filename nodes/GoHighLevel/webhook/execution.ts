// The GoHighLevel Webhook Trigger's step inside the execution n8n starts for an accepted delivery.
// n8n runs a trigger node's execute() with the items its webhook() returned; this is where the
// node can use what n8n keeps for every process: the deduplication store, and static data that n8n
// saves when the execution ends (it drops what webhook() itself changed). See replay.ts.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { SOURCE_WORKFLOW } from './description';
import { recordFirstDeliveries } from './ledger';
import { DEFAULT_MAX_AGE_SECONDS, clampRemembered, deliveryKey, fingerprint, parseTimestamp, processMemory, rememberInStaticData } from './replay';

/** Passes each signed delivery on the first time any n8n process runs it; replays stop here. */
export async function passDeliveriesOnce(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	// Editor test events are never remembered (n8n keeps no state of manual runs); unsigned workflow
	// actions carry no delivery id.
	if (ctx.getMode() === 'manual' || ctx.getNodeParameter('source', 0, '') === SOURCE_WORKFLOW || items.length === 0) return [items];

	const options = ctx.getNodeParameter('options', 0, {}) as { maxAgeSeconds?: number; rememberedDeliveries?: number };
	const capacity = clampRemembered(options.rememberedDeliveries);
	const maxAgeSeconds = typeof options.maxAgeSeconds === 'number' ? options.maxAgeSeconds : DEFAULT_MAX_AGE_SECONDS;
	const keys = items.map((item) => deliveryKey(item.json));
	const first = await recordFirstDeliveries(ctx, keys, capacity);

	// Every delivery this process saw goes into the static data this execution saves (see replay.ts).
	const memory = processMemory(`${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id}`, capacity);
	const now = Date.now();
	const passed: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		memory.add(fingerprint(keys[index]), parseTimestamp(item.json.timestamp) ?? now);
		if (first.has(keys[index])) passed.push(item);
	});
	rememberInStaticData(ctx.getWorkflowStaticData('node') as IDataObject, memory.deliveries(), now, maxAgeSeconds, capacity);
	return [passed];
}
