import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { OperationDeclaration } from './declarations';
import type { AuthSession } from '../transport/session';
import { loadAuthSession } from '../transport/session';
import { batching } from '../transport/options';
import { isIdempotent } from '../transport/retry';
import { attemptJournal, copyItems } from './attemptJournal';
import { resolveCustomFieldIds } from './customFields';
import { findEarlierAttempt } from './earlierAttempt';
import { binaryItem, finishRecords, recordsOf } from './output';
import type { OverlapRule, WaitForTurn } from './inFlight';
import { conflictKeys, overlapRule, runInFlight, Stopped } from './inFlight';
import type { ListOptions } from './pagination';
import { fetchList } from './pagination';
import type { RequestParts } from './requestParts';
import { buildRequestParts } from './requestParts';
import type { OperationRuntime } from './runtime';
import { createRuntime, declaredRequest } from './runtime';
import { resolveCompany, resolveTarget } from './target';
import { setPath } from './values';

/** Puts an id the engine resolved (location, company) where the declaration says. */
function inject(parts: RequestParts, where: 'path' | 'query' | 'body', name: string, value: string): void {
	if (where === 'path') parts.pathParams[name] = value;
	else if (where === 'query') parts.qs[name] = value;
	else {
		setPath(parts.body, name, value);
		parts.hasBody = true;
	}
}

/** Reads and checks an item's parameters, resolves location, company and token: nothing is sent yet. */
export async function prepareOperation(
	ctx: IExecuteFunctions,
	session: AuthSession,
	decl: OperationDeclaration,
	itemIndex: number,
): Promise<OperationRuntime> {
	const parts = buildRequestParts(ctx, decl, itemIndex);
	const companyId = resolveCompany(ctx, session, decl, itemIndex);
	const target = await resolveTarget(ctx, session, decl, itemIndex);
	if (decl.company && companyId) inject(parts, decl.company.in, decl.company.name ?? 'companyId', companyId);
	if (decl.location && decl.location.in !== 'token' && target.locationId) {
		inject(parts, decl.location.in, decl.location.name ?? 'locationId', target.locationId);
	}
	const runtime = createRuntime(ctx, session, decl, itemIndex, parts, target);
	if (decl.customFields && Array.isArray(parts.body.customFields)) {
		parts.body.customFields = await resolveCustomFieldIds(runtime, decl.customFields, parts.body.customFields as IDataObject[]);
	}
	return runtime;
}


/** The records (or binary item) one run of a declared operation yields. */
export async function runOperation(runtime: OperationRuntime, list?: ListOptions): Promise<INodeExecutionData[]> {
	const { ctx, decl, itemIndex, parts } = runtime;
	if (decl.output.binary) {
		const response = await declaredRequest(runtime, undefined, true);
		return [await binaryItem(ctx, response, decl.output.binary.fileName(parts))];
	}

	let records: IDataObject[];
	if (decl.run) {
		records = await decl.run(runtime);
	} else if (decl.output.list) {
		records = await fetchList(
			runtime,
			list ?? {
				returnAll: ctx.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: ctx.getNodeParameter('limit', itemIndex, 50) as number,
			},
		);
	} else {
		const response = await declaredRequest(runtime);
		records = decl.output.confirm ? [{ success: true, ...parts.pathParams }] : recordsOf(decl, response.body, runtime);
		for (const field of decl.output.include ?? []) {
			const value = (response.body as IDataObject | undefined)?.[field];
			records = records.map((r) => ({ ...r, [field]: value }));
		}
	}

	return (await finishRecords(runtime, records)).map((json) => ({ json }));
}

/**
 * Whether a failed write may have been applied: anything but a refusal (4xx other than 408) after
 * a request went out. A 429 is refused before processing.
 */
function mayHaveBeenApplied(error: unknown, sent: number): boolean {
	if (sent === 0) return false;
	if (error instanceof NodeApiError) {
		const status = Number(error.httpCode);
		if (status >= 400 && status < 500 && status !== 408) return false;
	}
	return true;
}

function failureReason(error: unknown): string {
	if (error instanceof NodeApiError && error.httpCode) return `HighLevel answered ${error.httpCode} after receiving it`;
	return 'the connection failed after it was sent';
}

function notSentAgain(runtime: OperationRuntime, reason: string, why: string): NodeOperationError {
	return new NodeOperationError(runtime.ctx.getNode(), `Not sent again: an earlier try of this item may already have applied it (${reason})`, {
		itemIndex: runtime.itemIndex,
		description: `n8n's Retry On Fail re-ran the node, but ${why}, so "${runtime.decl.action}" is not sent twice. Check in HighLevel, then run the item again if it is missing.`,
	});
}

/**
 * Before re-sending a write whose earlier attempt may have been applied: the record it created
 * (found as the declaration says), undefined when it was not applied, or an error when there is no
 * way to tell.
 */
async function recordOfEarlierAttempt(runtime: OperationRuntime, earlier: { sentAt: number; reason: string }): Promise<IDataObject | undefined> {
	const lookup = runtime.decl.earlierAttempt;
	if (!lookup) throw notSentAgain(runtime, earlier.reason, 'HighLevel offers no way to check whether it was applied');
	const finding = await findEarlierAttempt(runtime, lookup, earlier.sentAt);
	if (finding.applied === 'unknown') {
		throw notSentAgain(runtime, earlier.reason, `the item carries none of the fields (${Object.values(lookup.match).concat(Object.values(lookup.query ?? {})).filter((v) => v !== 'location').map((v) => v.slice(v.indexOf('.') + 1)).join(', ')}) its record could be recognised by`);
	}
	return finding.applied ? finding.record : undefined;
}

async function runItem(
	ctx: IExecuteFunctions,
	session: AuthSession,
	decl: OperationDeclaration,
	itemIndex: number,
	rule: OverlapRule,
	waitForTurn: WaitForTurn,
): Promise<INodeExecutionData[]> {
	// Reads are safe to repeat; every other operation keeps a journal across n8n's retries of the node.
	const journal = decl.method === 'GET' || decl.idempotent ? undefined : attemptJournal(ctx);
	const earlier = journal?.get(itemIndex);
	if (earlier?.state === 'applied') return copyItems(earlier.items);

	const runtime = await prepareOperation(ctx, session, decl, itemIndex);
	// Everything above only reads; from here on, items that could touch the same record take turns.
	await waitForTurn(conflictKeys(runtime, rule));
	if (earlier?.state === 'uncertain') {
		const found = await recordOfEarlierAttempt(runtime, earlier);
		if (found) {
			const items = (await finishRecords(runtime, [found])).map((json) => ({ json }));
			journal!.set(itemIndex, { state: 'applied', items: copyItems(items) });
			return items;
		}
	}
	if (!journal) return await runOperation(runtime);

	let sent = 0;
	const send = runtime.request;
	runtime.request = async (request) => {
		sent++;
		return await send(request);
	};
	const sentAt = Date.now();
	const outcome = await runOperation(runtime).then(
		(items) => ({ items, error: undefined }),
		(error: unknown) => ({ items: undefined, error }),
	);
	if (outcome.items) {
		journal.set(itemIndex, { state: 'applied', items: copyItems(outcome.items) });
		return outcome.items;
	}
	// Idempotent writes (PUT, DELETE) may simply be sent again; the others are checked first.
	if (!isIdempotent(decl.method, decl.idempotent) && mayHaveBeenApplied(outcome.error, sent)) {
		journal.set(itemIndex, { state: 'uncertain', sentAt: earlier?.state === 'uncertain' ? earlier.sentAt : sentAt, reason: failureReason(outcome.error) });
	}
	throw outcome.error;
}

function errorItem(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if ((error instanceof NodeApiError || error instanceof NodeOperationError) && error.description) {
		json.description = error.description;
	}
	return json;
}

/** Runs the selected operation once per input item; the shared engine behind every declaration. */
export async function executeDeclared(
	ctx: IExecuteFunctions,
	find: (resource: string, operation: string) => OperationDeclaration | undefined,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const decl = find(resource, operation);
	if (!decl) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const session = await loadAuthSession(ctx);
	const output: INodeExecutionData[] = [];

	const continueOnFail = ctx.continueOnFail();
	const rule = overlapRule(decl);
	const { itemsInFlight, intervalMs } = batching(ctx);
	const outcomes = await runInFlight(
		items.length,
		{
			limit: rule.oneAtATime ? 1 : itemsInFlight,
			stopOnError: !continueOnFail,
			firstAlone: items.length > 1,
			batchIntervalMs: intervalMs,
			sleep,
		},
		async (itemIndex, waitForTurn) => await runItem(ctx, session, decl, itemIndex, rule, waitForTurn),
	);

	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		// Without continue-on-fail the run stopped at its first failure (later items were not sent).
		if (!outcome || (outcome.ok === false && outcome.error instanceof Stopped)) continue;
		if (outcome.ok) {
			// runItem builds every item afresh, so pairing is set on it in place (no per-record copy).
			for (const item of outcome.value) {
				item.pairedItem = { item: itemIndex };
				output.push(item);
			}
		} else if (continueOnFail) {
			output.push({ json: errorItem(outcome.error as Error), pairedItem: { item: itemIndex } });
		} else {
			// Errors leave as thrown: the engine builds NodeApiError / NodeOperationError with the item index.
			throw outcome.error;
		}
	}
	return [output];
}
