import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationRuntime } from './runtime';

export interface CustomFieldDefinition {
	id: string;
	name: string;
	fieldKey?: string;
}

/**
 * Custom field definitions of a location, fetched once per execution and model. HighLevel's
 * records only carry `{id, value}`, so names have to be joined client-side.
 */
const definitionsByRun = new WeakMap<object, Map<string, Promise<CustomFieldDefinition[]>>>();

export async function customFieldDefinitions(runtime: OperationRuntime, model: 'contact' | 'opportunity'): Promise<CustomFieldDefinition[]> {
	const locationId = runtime.locationId;
	if (!locationId) return [];
	let cache = definitionsByRun.get(runtime.ctx);
	if (!cache) {
		cache = new Map();
		definitionsByRun.set(runtime.ctx, cache);
	}
	const key = `${locationId}|${model}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = runtime
			.request({
				method: 'GET',
				path: '/locations/{locationId}/customFields',
				pathParams: { locationId },
				qs: { model },
				version: '2021-07-28',
				scopes: ['locations/customFields.readonly'],
			})
			.then((response) =>
				(((response.body as IDataObject)?.customFields ?? []) as IDataObject[]).map((f) => ({
					id: String(f.id),
					name: String(f.name ?? f.id),
					fieldKey: f.fieldKey === undefined ? undefined : String(f.fieldKey),
				})),
			);
		cache.set(key, pending);
		// A failed lookup is not cached, so the next item tries again.
		pending.catch(() => cache!.delete(key));
	}
	return await pending;
}

const HIGHLEVEL_ID = /^[A-Za-z0-9]{20}$/;

function matches(def: CustomFieldDefinition, given: string): boolean {
	const needle = given.trim().toLowerCase();
	return (
		def.name.toLowerCase() === needle ||
		(def.fieldKey !== undefined && (def.fieldKey.toLowerCase() === needle || def.fieldKey.toLowerCase() === `contact.${needle}`))
	);
}

/** Lets `customFields[].id` be a field name or key (from an expression or an AI agent). */
export async function resolveCustomFieldIds(runtime: OperationRuntime, model: 'contact' | 'opportunity', fields: IDataObject[]): Promise<IDataObject[]> {
	// Ids picked from the dropdown need no lookup; only names and keys cost the definitions request.
	if (fields.every((field) => HIGHLEVEL_ID.test(String(field.id)))) return fields;
	const defs = await customFieldDefinitions(runtime, model);
	return fields.map((field) => {
		const given = String(field.id);
		if (defs.some((d) => d.id === given)) return field;
		const def = defs.find((d) => matches(d, given));
		if (!def) {
			throw new NodeOperationError(
				runtime.ctx.getNode(),
				`Custom Fields: no ${model} custom field is called "${given}" in this location`,
				{ itemIndex: runtime.itemIndex, description: `Known fields: ${defs.map((d) => d.name).join(', ')}` },
			);
		}
		return { ...field, id: def.id };
	});
}

/** `[{id, value}]` → `{ "Field Name": value }`. */
export async function customFieldsByName(runtime: OperationRuntime, model: 'contact' | 'opportunity', record: IDataObject): Promise<IDataObject> {
	const values = record.customFields ?? record.customField;
	if (!Array.isArray(values)) return record;
	const defs = await customFieldDefinitions(runtime, model);
	const named: IDataObject = {};
	for (const entry of values as IDataObject[]) {
		const def = defs.find((d) => d.id === entry.id);
		named[def?.name ?? String(entry.id)] = (entry.value ?? entry.field_value ?? entry.fieldValue) as IDataObject[keyof IDataObject];
	}
	const copy: IDataObject = { ...record, customFields: named };
	delete copy.customField;
	return copy;
}
