import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LookupDeclaration } from './declarations';
import type { OperationRuntime } from './runtime';

export interface CustomFieldDefinition {
	id: string;
	name: string;
	fieldKey?: string;
	dataType?: string;
}

/** The one request for a location's custom-field definitions: operations and the custom-field dropdowns send it. */
export const CUSTOM_FIELD_DEFINITIONS = {
	method: 'GET',
	path: '/locations/{locationId}/customFields',
	version: '2021-07-28',
	scopes: ['locations/customFields.readonly'],
	query: ['model'],
} satisfies LookupDeclaration;

/** The definitions in an answer to CUSTOM_FIELD_DEFINITIONS. */
export function definitionsOf(body: unknown): CustomFieldDefinition[] {
	return (((body as IDataObject)?.customFields ?? []) as IDataObject[]).map((f) => ({
		id: String(f.id),
		name: String(f.name ?? f.fieldKey ?? f.id),
		fieldKey: f.fieldKey === undefined ? undefined : String(f.fieldKey),
		dataType: f.dataType === undefined ? undefined : String(f.dataType),
	}));
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
		const { method, path, version, scopes } = CUSTOM_FIELD_DEFINITIONS;
		pending = runtime.request({ method, path, pathParams: { locationId }, qs: { model }, version, scopes }).then((response) => definitionsOf(response.body));
		cache.set(key, pending);
		// A failed lookup is not cached, so the next item tries again.
		pending.catch(() => cache!.delete(key));
	}
	return await pending;
}

function matches(def: CustomFieldDefinition, given: string): boolean {
	const needle = given.trim().toLowerCase();
	return (
		def.name.toLowerCase() === needle ||
		(def.fieldKey !== undefined && (def.fieldKey.toLowerCase() === needle || def.fieldKey.toLowerCase() === `contact.${needle}`))
	);
}

/**
 * Checks `customFields[].id` against the location's definitions before anything is sent: an id the
 * location defines is kept, a name or key is replaced by its id, anything else is an error naming
 * it. HighLevel accepts an unknown id (e.g. one from another sub-account) with 201 and silently
 * drops the value, so the check cannot be left to the API. Entries without an id (a `key`) are left
 * to HighLevel, which resolves keys itself.
 */
export async function resolveCustomFieldIds(runtime: OperationRuntime, model: 'contact' | 'opportunity', fields: IDataObject[]): Promise<IDataObject[]> {
	const given = fields.filter((field) => field.id !== undefined && String(field.id) !== '');
	// Without a location there is nothing to check against (HighLevel then refuses the write itself).
	if (given.length === 0 || !runtime.locationId) return fields;
	const defs = await customFieldDefinitions(runtime, model);
	return fields.map((field) => {
		if (field.id === undefined || String(field.id) === '') return field;
		const wanted = String(field.id);
		if (defs.some((d) => d.id === wanted)) return field;
		const def = defs.find((d) => matches(d, wanted));
		if (!def) {
			throw new NodeOperationError(
				runtime.ctx.getNode(),
				`Custom Fields: no ${model} custom field is called "${wanted}" in this location (no id, name or key matches)`,
				{
					itemIndex: runtime.itemIndex,
					description: `HighLevel would accept the value and silently drop it. Pick the field from the list, or use one of: ${defs.map((d) => `${d.name} (${d.id})`).join(', ')}`,
				},
			);
		}
		return { ...field, id: def.id };
	});
}

const customFieldValues = (record: IDataObject): unknown => record.customFields ?? record.customField;

/**
 * `[{id, value}]` → `{ "Field Name": value }` for every record that has custom fields. The
 * definitions are looked up once for the whole list (only when some record has custom fields).
 */
export async function customFieldsByName(runtime: OperationRuntime, model: 'contact' | 'opportunity', records: IDataObject[]): Promise<IDataObject[]> {
	if (!records.some((record) => Array.isArray(customFieldValues(record)))) return records;
	const names = new Map<string, string>();
	for (const def of await customFieldDefinitions(runtime, model)) if (!names.has(def.id)) names.set(def.id, def.name);
	return records.map((record) => {
		const values = customFieldValues(record);
		if (!Array.isArray(values)) return record;
		const named: IDataObject = {};
		for (const entry of values as IDataObject[]) {
			named[names.get(entry.id as string) ?? String(entry.id)] = (entry.value ?? entry.field_value ?? entry.fieldValue) as IDataObject[keyof IDataObject];
		}
		const copy: IDataObject = { ...record, customFields: named };
		delete copy.customField;
		return copy;
	});
}
