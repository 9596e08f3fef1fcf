import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ApiResponse } from '../transport/request';
import { customFieldsByName } from './customFields';
import type { OperationDeclaration } from './declarations';
import { CUSTOM_FIELDS_BY_NAME, offersCustomFieldsByName } from './description';
import type { OperationRuntime } from './runtime';
import { getPath } from './values';

// How a response becomes n8n items: the records under the declared root, a file as binary data,
// then the output options every operation shares (custom fields by name, Simplify).

/** The records of a response: the declared root (or `map`), a list as is, a record as one. */
export function recordsOf(decl: OperationDeclaration, body: unknown, runtime: OperationRuntime): IDataObject[] {
	if (decl.output.map) return decl.output.map(body, runtime);
	// `a|b`: the first root present (the spec spells some response properties two ways).
	const roots = decl.output.root?.split('|') ?? [undefined];
	const value = roots.map((root) => getPath(body, root)).find((v) => v !== undefined);
	if (Array.isArray(value)) return value as IDataObject[];
	if (value === undefined || value === null) return [];
	return [value as IDataObject];
}

function simplify(record: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (record[field] !== undefined) out[field] = record[field];
	return out;
}

/** A file answer (recording, transcript) as n8n binary data, named and typed from the response. */
export async function binaryItem(ctx: IExecuteFunctions, response: ApiResponse, fallbackName: string): Promise<INodeExecutionData> {
	const headers = response.headers as Record<string, string | undefined>;
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const disposition = String(headers['content-disposition'] ?? '');
	const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
	const buffer = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	const data = await ctx.helpers.prepareBinaryData(buffer, decodeURIComponent(fileName), mimeType);
	return { json: { fileName: data.fileName, mimeType: data.mimeType, fileSize: data.fileSize }, binary: { data } };
}

/** Output options that apply to records of any operation: custom fields by name, Simplify. */
export async function finishRecords(runtime: OperationRuntime, records: IDataObject[]): Promise<IDataObject[]> {
	const { ctx, decl, itemIndex } = runtime;
	if (decl.customFields && offersCustomFieldsByName(decl) && ctx.getNodeParameter(CUSTOM_FIELDS_BY_NAME, itemIndex, false)) {
		records = await customFieldsByName(runtime, decl.customFields, records);
	}
	if (decl.output.simplify?.length && ctx.getNodeParameter('simplify', itemIndex, false)) {
		records = records.map((r) => simplify(r, decl.output.simplify!));
	}
	return records;
}
