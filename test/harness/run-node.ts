import './env';

import { WorkflowExecute } from 'n8n-core';
import type { ExecutionBaseError, ExecutionError, INodeExecutionData, IRun } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { START_NODE_NAME } from './node-types';
import { recordOperation } from './operations-log';
import type { RunNodeOptions, RunNodeResult } from './types';
import { prepareRun } from './workflow';

/**
 * Run one node of the package through n8n-core's real engine: a fresh two-node workflow
 * (Manual Trigger stand-in → node under test) executed with
 * `WorkflowExecute.processRunExecutionData` in mode 'manual'.
 *
 * A workflow that n8n refuses to start (missing required parameter: WorkflowHasIssuesError)
 * rejects; a node that fails resolves with `error` set.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const run = await prepareRun(options, 'manual', { withStartNode: true });
	const startNode = run.workflow.getNode(START_NODE_NAME)!;
	const inputItems: INodeExecutionData[] = structuredClone(options.inputItems ?? [{ json: {} }]);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [inputItems] }, source: null }],
		},
	});

	const workflowExecute = new WorkflowExecute(run.additionalData, 'manual', runExecutionData);
	const fullRun: IRun = await workflowExecute.processRunExecutionData(run.workflow);

	const nodeName = run.node.name;
	const { runData } = fullRun.data.resultData;
	const task = runData[nodeName]?.at(-1);
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);

	let recorded: ExecutionError | undefined = task?.error;
	if (!recorded && fullRun.data.resultData.lastNodeExecuted === nodeName) {
		recorded = fullRun.data.resultData.error;
	}

	const { resource, operation } = options.parameters as { resource?: unknown; operation?: unknown };
	if (!recorded && typeof resource === 'string' && typeof operation === 'string') {
		recordOperation(options.nodeType ?? 'goHighLevel', `${resource}:${operation}`);
	}

	return {
		items: outputs[0] ?? [],
		outputs,
		error: recorded ? originalError(run.capture.thrown, recorded) : undefined,
		credentialData: run.credentialData(),
		tokenUpdates: run.credentialsHelper.tokenUpdates,
		tokenUpdateCalls: run.credentialsHelper.tokenUpdateCalls,
		credentialUpdates: run.credentialsHelper.credentialUpdates,
		runData,
		run: fullRun,
		nodeName,
	};
}

/**
 * The engine records `{ ...error, message, stack }` (a plain object). Prefer the instance the
 * node threw when it is the same error; the engine only substitutes its own error when the
 * node let a raw axios error escape (it wraps that in a NodeApiError).
 */
function originalError(thrown: unknown, recorded: ExecutionError): ExecutionBaseError {
	if (thrown instanceof Error && thrown.message === recorded.message) return thrown as ExecutionBaseError;
	return recorded as ExecutionBaseError;
}
