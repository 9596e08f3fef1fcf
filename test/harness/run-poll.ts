import './env';

import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowActivateMode } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { n8nCoreContainer } from './di';
import { recordOperation } from './operations-log';
import type { RunPollOptions, RunPollResult } from './types';
import { prepareRun } from './workflow';

export interface RunPollExtraOptions {
	/** Activation mode the PollContext reports (`getActivationMode()`) in mode 'trigger'. Default 'activate'. */
	activation?: WorkflowActivateMode;
	/**
	 * Mode 'trigger' only. 'scheduled' (default): a cron tick — errors go to `__emitError` (the
	 * harness rethrows them) and a null result commits the staged cursor. 'activation': the poll
	 * n8n runs once when the workflow is activated (errors fail the activation; a non-null result
	 * is still emitted, i.e. starts an execution).
	 */
	tick?: 'scheduled' | 'activation';
	/**
	 * Mode 'trigger' only: what the PollContext's `getPollBudgetMs()` answers (n8n's default: 5
	 * minutes). `null`: a context without `getPollBudgetMs`, like n8n before 2.41.
	 */
	pollBudgetMs?: number | null;
}

/**
 * Run a polling trigger's `poll()` in a real PollContext.
 * - mode 'manual' ("Fetch test event"): exactly what WorkflowExecute.executePollNode does —
 *   `new PollContext(workflow, node, additionalData, 'manual', 'manual')` and `poll.call(ctx)`.
 * - mode 'trigger': n8n-core's PollTriggerExecutor (the code ActiveWorkflowTriggers schedules),
 *   with a PollContext in mode 'trigger' whose `__emit`/`__emitError` are captured.
 * Static data: a copy of `staticData` becomes the Workflow's static data; the result carries
 * the static data after the poll as JSON (feed it to the next runPoll to simulate the next tick).
 */
export async function runPoll(options: RunPollOptions & RunPollExtraOptions): Promise<RunPollResult> {
	const mode = options.mode ?? 'manual';
	const staticData = structuredClone(options.staticData ?? {});
	const run = await prepareRun(options, mode, { withStartNode: false, staticData });
	const { workflow, node, additionalData } = run;

	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.poll) {
		throw new UnexpectedError(`Node "${node.type}" v${node.typeVersion} has no poll() method`);
	}

	let result: INodeExecutionData[][] | null;
	if (mode === 'manual') {
		const context = new PollContext(workflow, node, additionalData, 'manual', 'manual');
		result = await nodeType.poll.call(context);
	} else {
		let emitted: INodeExecutionData[][] | undefined;
		let emittedError: unknown;
		const context = new PollContext(
			workflow,
			node,
			additionalData,
			'trigger',
			options.activation ?? 'activate',
			(data) => {
				emitted = data;
			},
			(error) => {
				emittedError = error;
			},
			undefined,
			undefined,
			undefined,
			options.pollBudgetMs === undefined || options.pollBudgetMs === null ? undefined : () => options.pollBudgetMs as number,
		);
		if (options.pollBudgetMs === null) Object.defineProperty(context, 'getPollBudgetMs', { value: undefined });
		const execute = n8nCoreContainer().get(PollTriggerExecutor).create(workflow, node, context, () => true);
		await execute(options.tick === 'activation');
		if (emittedError !== undefined) throw emittedError;
		result = emitted ?? null;
	}

	const plain = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	const changed = (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
	const event = (options.parameters as { event?: unknown }).event;
	if (typeof event === 'string') recordOperation(options.nodeType ?? 'goHighLevel', event);
	return {
		result,
		staticData: plain,
		nodeStaticData: (plain[`node:${node.name}`] as IDataObject | undefined) ?? {},
		staticDataChanged: changed,
		persisted: mode === 'trigger' && changed,
		credentialData: run.credentialData(),
		tokenUpdates: run.credentialsHelper.tokenUpdates,
		nodeName: node.name,
	};
}
