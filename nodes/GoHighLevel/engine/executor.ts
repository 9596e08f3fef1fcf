import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationDeclaration } from './declarations';
import type { AuthSession } from '../transport/session';
import { loadAuthSession } from '../transport/session';
import { resolveCustomFieldIds } from './customFields';
import { binaryItem, finishRecords, recordsOf } from './output';
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

async function runItem(ctx: IExecuteFunctions, session: AuthSession, decl: OperationDeclaration, itemIndex: number): Promise<INodeExecutionData[]> {
	return await runOperation(await prepareOperation(ctx, session, decl, itemIndex));
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

	// runItem builds every item afresh, so pairing is set on it in place (no per-record copy).
	const pairAll = (produced: INodeExecutionData[], itemIndex: number) => {
		for (const item of produced) {
			item.pairedItem = { item: itemIndex };
			output.push(item);
		}
	};
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (!continueOnFail) {
			// Errors leave as thrown: the engine builds NodeApiError / NodeOperationError with the item index.
			pairAll(await runItem(ctx, session, decl, itemIndex), itemIndex);
			continue;
		}
		try {
			pairAll(await runItem(ctx, session, decl, itemIndex), itemIndex);
		} catch (error) {
			output.push({ json: errorItem(error as Error), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
