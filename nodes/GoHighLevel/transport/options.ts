import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HighLevelContext } from './session';

/** Well under n8n's own 300 s, long enough for HighLevel's slowest searches. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
const MAX_TIMEOUT_SECONDS = 300;

/** Settings of the transport every node shows once (the nodes import this one definition). */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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
