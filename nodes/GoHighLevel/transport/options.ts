import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HighLevelContext } from './session';

/** Well under n8n's own 300 s, long enough for HighLevel's slowest searches. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
const MAX_TIMEOUT_SECONDS = 300;
/**
 * One item after the other unless the user raises it: with several items in flight the pacer shared
 * by queue-mode workers still draws > 1 % 429s at tight limits (test/e2e/queue.test.ts), and under
 * latency it reaches only part of the allowed rate (bench figure 5). 10 in flight would reach the
 * limit at HighLevel's 150–400 ms once the pacer keeps up.
 */
export const DEFAULT_ITEMS_IN_FLIGHT = 1;
/** What bulk work is measured with (bench figure 5, engine tests of items in flight). */
export const BULK_ITEMS_IN_FLIGHT = 10;
const MAX_ITEMS_IN_FLIGHT = 50;

/** Settings of the transport every action node shows once (the nodes import this one definition). */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			description: 'How many items are sent to HighLevel at the same time (as in the HTTP Request node)',
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: 1, maxValue: MAX_ITEMS_IN_FLIGHT, numberPrecision: 0 },
							default: DEFAULT_ITEMS_IN_FLIGHT,
							description: 'Items with a request in flight at once (1, the default, sends one item after the other; up to 10 speeds bulk work up against HighLevel\'s latency). The rate limit still paces every request. Items that could change the same record (same email, phone or contact) never overlap, and messages, workflows and campaigns always go one at a time.',
						},
						{
							// eslint-disable-next-line n8n-nodes-base/node-param-display-name-miscased
							displayName: 'Batch Interval (ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'Time (in milliseconds) between each batch of items. 0 for disabled: a new item starts as soon as one finishes.',
						},
					],
				},
			],
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS, numberPrecision: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long to wait for each answer from HighLevel. A read that times out is tried again; a change that times out is not resent (it may have been applied) and fails with an error saying so.',
		},
	],
};

/** The polling trigger's: a poll has no input items to batch, only the timeout applies. */
export const pollRequestOptionsProperty: INodeProperties = {
	...requestOptionsProperty,
	options: requestOptionsProperty.options!.filter((option) => option.name !== 'batching'),
};

function readParameter(ctx: HighLevelContext, name: string, fallback: unknown): unknown {
	// Executions read per item; polls and editor lookups have no items.
	if ('getInputData' in ctx && typeof ctx.getInputData === 'function') {
		return (ctx as IExecuteFunctions).getNodeParameter(name, 0, fallback);
	}
	return (ctx as Exclude<HighLevelContext, IExecuteFunctions>).getNodeParameter(name, fallback as never);
}

/** The per-request timeout in milliseconds, checked before anything is sent. */
export function requestTimeoutMs(ctx: HighLevelContext): number {
	const options = readParameter(ctx, requestOptionsProperty.name, {}) as { timeout?: unknown } | undefined;
	const raw = options?.timeout;
	if (raw === undefined || raw === null || raw === '') return DEFAULT_TIMEOUT_SECONDS * 1000;
	const seconds = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
		throw new NodeOperationError(ctx.getNode(), `Timeout (Seconds): "${String(raw)}" is not a number of seconds between 1 and ${MAX_TIMEOUT_SECONDS}`, {
			description: 'Check the parameter "Timeout (Seconds)" under Request Options. Nothing was sent to HighLevel.',
		});
	}
	return Math.round(seconds * 1000);
}

function wholeNumber(ctx: HighLevelContext, parameter: string, raw: unknown, fallback: number, min: number, max: number): number {
	if (raw === undefined || raw === null || raw === '') return fallback;
	const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (!Number.isInteger(n) || n < min || n > max) {
		throw new NodeOperationError(ctx.getNode(), `${parameter}: "${String(raw)}" is not a whole number between ${min} and ${max}`, {
			description: `Check the parameter "${parameter}" under Request Options › Batching. Nothing was sent to HighLevel.`,
		});
	}
	return n;
}

/** Items in flight at once and the pause between batches, checked before anything is sent. */
export function batching(ctx: IExecuteFunctions): { itemsInFlight: number; intervalMs: number } {
	const options = readParameter(ctx, requestOptionsProperty.name, {}) as { batching?: { batch?: { batchSize?: unknown; batchInterval?: unknown } } } | undefined;
	const batch = options?.batching?.batch ?? {};
	return {
		itemsInFlight: wholeNumber(ctx, 'Items per Batch', batch.batchSize, DEFAULT_ITEMS_IN_FLIGHT, 1, MAX_ITEMS_IN_FLIGHT),
		intervalMs: wholeNumber(ctx, 'Batch Interval (ms)', batch.batchInterval, 0, 0, 3_600_000),
	};
}
