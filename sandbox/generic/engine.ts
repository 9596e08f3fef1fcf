// The generic behaviour every contract operation without a hand-written route gets, derived from
// its path template and method: POST creates, GET reads or lists, PUT/PATCH merge, DELETE removes,
// and the answer is built to the operation's documented response schema.
import type { Operation, Schema } from '../contract';
import { loadContract } from '../contract';
import { departedSchemas, operationDeparture } from '../specDepartures';
import type { RouteContext, RouteResult } from '../route';
import { httpError, isPlainObject, makeId } from '../util';
import { sharedCollection } from './shared';
import type { GenericRecord } from './store';
import { SINGLETON, collection, normalize } from './store';
import type { Resolve } from './values';
import { fits, flatten, generate } from './values';

const PAGE_SIZE = ['limit', 'pageLimit', 'perPage', 'pageSize', 'size'];
const PAGE_OFFSET = ['skip', 'offset'];
const PAGE_NUMBER = ['page', 'pageNo', 'pageNumber'];
const TOTALS = ['total', 'count', 'totalCount', 'totalRecords', 'total_count'];
const ACCOUNT_IDS = ['locationId', 'companyId'];
const TIMESTAMPS = ['createdAt', 'updatedAt', 'dateAdded', 'dateUpdated'];

let resolveRef: Resolve | undefined;
function resolver(): Resolve {
	if (!resolveRef) {
		const schemas = departedSchemas(loadContract().schemas);
		resolveRef = (schema) => {
			let s = schema;
			for (let depth = 0; s.$ref && depth < 32; depth++) s = { ...(schemas[s.$ref] ?? {}), ...(s.nullable ? { nullable: true } : {}) };
			return s;
		};
	}
	return resolveRef;
}

interface Shape {
	/** The operation's path split into the collection (template and instantiated key) and the item id. */
	template: string;
	key: string;
	itemId?: string;
}

function shapeOf(op: Operation, params: Record<string, string>): Shape {
	const segments = op.path.split('/').filter(Boolean);
	const last = segments[segments.length - 1] ?? '';
	const isItem = isItemId(last, segments[segments.length - 2] ?? '');
	const template = normalize((isItem ? segments.slice(0, -1) : segments).join('/'));
	const key = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
	return { template, key, itemId: isItem ? params[last.slice(1, -1)] : undefined };
}

/**
 * Whether a trailing `{param}` names an item of the collection before it: `{id}`, or an id named
 * after that collection (`/campaign/{campaignId}`, `/locations/{locationId}`). Otherwise it scopes
 * an action or a view (`/saas/pause/{locationId}`, `/snapshots/snapshot-status/{snapshotId}`).
 */
function isItemId(segment: string, previous: string): boolean {
	const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
	if (!name) return false;
	if (name === 'id' || previous.startsWith('{')) return true;
	const stem = name.replace(/_?id$/i, '').toLowerCase();
	const collection = previous.replace(/[^a-zA-Z]/g, '').toLowerCase();
	// The account ids are items only of their own collections (`/locations/{locationId}`), not of a view like `/location/{locationId}`.
	const plural = /y$/.test(stem) ? stem.replace(/y$/, 'ies') : `${stem}s`;
	const plurals = ACCOUNT_IDS.includes(name) ? [plural] : [stem, plural, `${stem}es`];
	return stem !== '' && plurals.includes(collection);
}

/** The request's own fields: body keys, path parameters and scalar query values (echoed in answers). */
function requestFields(ctx: RouteContext, itemParam?: string): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [name, v] of Object.entries(ctx.query)) if (typeof v === 'string' && !isPaging(name)) fields[name] = v;
	for (const [name, v] of Object.entries(ctx.params)) if (name !== itemParam) fields[name] = v;
	if (isPlainObject(ctx.body)) Object.assign(fields, ctx.body);
	return fields;
}

function isPaging(name: string): boolean {
	return PAGE_SIZE.includes(name) || PAGE_OFFSET.includes(name) || PAGE_NUMBER.includes(name);
}

export function genericHandle(ctx: RouteContext): RouteResult {
	const { op } = ctx;
	const shape = shapeOf(op, ctx.params);
	const shared = sharedCollection(ctx.state, shape.template);
	const records = (shared as Map<string, GenericRecord> | undefined) ?? collection(ctx.state.generic, shape.key, shape.template);
	const now = new Date(ctx.now()).toISOString();
	const itemParam = shape.itemId === undefined ? undefined : /\{([^}]+)\}\/?$/.exec(op.path)?.[1];
	const method = op.method.toUpperCase();
	const found = () => {
		const record = records.get(shape.itemId!);
		if (!record) throw httpError(404, `${resourceName(shape.template)} not found`);
		return record;
	};

	if (method === 'GET') {
		if (shape.itemId !== undefined) return answer(ctx, found());
		if (listSlot(resolver(), responseSchema(op))) return answer(ctx, records.get(SINGLETON), page(ctx, [...records.values()].filter((r) => r.id !== SINGLETON)));
		return answer(ctx, records.get(SINGLETON));
	}
	if (method === 'DELETE') {
		if (shape.itemId === undefined) return answer(ctx, undefined);
		const record = found();
		records.delete(record.id);
		return answer(ctx, record);
	}
	const fields = requestFields(ctx, itemParam);
	if (shape.itemId !== undefined) {
		const current = found();
		if (shared) {
			// A hand-written domain's record: only the fields it has change, in place.
			for (const [name, v] of Object.entries(fields)) if (name in current && name !== 'id') current[name] = v;
			return answer(ctx, current);
		}
		const record: GenericRecord = { ...current, ...fields, id: shape.itemId, updatedAt: now, dateUpdated: now };
		records.set(record.id, record);
		return answer(ctx, record);
	}
	if (method === 'POST') {
		const id = makeId(ctx.state.idRng);
		const record: GenericRecord = { ...fields, id, ...Object.fromEntries(TIMESTAMPS.map((t) => [t, now])) };
		records.set(id, record);
		return answer(ctx, record);
	}
	// PUT/PATCH on a path without an id: the path's one record (settings and the like).
	const record: GenericRecord = { ...(records.get(SINGLETON) ?? {}), ...fields, id: SINGLETON, updatedAt: now };
	records.set(SINGLETON, record);
	return answer(ctx, record);
}

function resourceName(template: string): string {
	const literal = template.split('/').filter((s) => s && !s.startsWith('{')).pop() ?? 'Resource';
	const singular = literal.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
	return singular.charAt(0).toUpperCase() + singular.slice(1);
}

function responseSchema(op: Operation): Schema | null {
	return operationDeparture(`${op.method.toUpperCase()} ${op.path}`)?.response ?? op.responses?.[String(op.successStatus)] ?? null;
}

function page(ctx: RouteContext, all: GenericRecord[]): { items: GenericRecord[]; total: number } {
	const declared = new Set(ctx.op.params.filter((p) => p.in === 'query').map((p) => p.name));
	const num = (names: string[]) => {
		const name = names.find((n) => declared.has(n) && typeof ctx.query[n] === 'string');
		return name === undefined ? undefined : Number(ctx.query[name]);
	};
	// Declared filters narrow the list when the records carry that field.
	const filtered = all.filter((r) =>
		Object.entries(ctx.query).every(([name, v]) => isPaging(name) || !declared.has(name) || typeof r[name] !== 'string' || r[name] === v),
	);
	const size = Math.max(1, Math.min(num(PAGE_SIZE) ?? 20, 1000));
	const pageNumber = num(PAGE_NUMBER);
	const offset = num(PAGE_OFFSET) ?? (pageNumber ? (pageNumber - 1) * size : 0);
	return { items: filtered.slice(offset, offset + size), total: filtered.length };
}

function answer(ctx: RouteContext, record: GenericRecord | undefined, list?: { items: GenericRecord[]; total: number }): RouteResult {
	const schema = responseSchema(ctx.op);
	if (!schema) return { body: {} };
	const resolve = resolver();
	const gen = { resolve, now: ctx.now() };
	const seed = `${ctx.op.method} ${ctx.op.path} ${record?.id ?? ''}`;
	const body = generate(gen, schema, seed);
	const item = (itemSchema: Schema, r: GenericRecord) => overlay(resolve, itemSchema, generate(gen, itemSchema, `${ctx.op.path} ${r.id}`), r);
	if (list) {
		const flat = flatten(resolve, schema);
		if (flat.type === 'array' && flat.items) return { body: list.items.map((r) => item(flat.items!, r)) };
		const slot = listSlot(resolve, schema)!;
		const target = slot.parent ? (body as Record<string, Record<string, unknown>>)[slot.parent] : (body as Record<string, unknown>);
		target[slot.name] = list.items.map((r) => item(slot.items, r));
		setTotals(resolve, flat, body as Record<string, unknown>, list.total);
		return { body };
	}
	return { body: record ? overlay(resolve, schema, body, record) : body };
}

interface ListSlot {
	parent?: string;
	name: string;
	items: Schema;
}

/** Where a list answer's items go: the first array-of-objects property (or one level down, e.g. `data.items`). */
function listSlot(resolve: Resolve, schema: Schema | null): ListSlot | undefined {
	if (!schema) return undefined;
	const flat = flatten(resolve, schema);
	if (flat.type === 'array' && flat.items) return { name: '', items: flat.items };
	const direct = arrayOfObjects(resolve, flat);
	if (direct) return direct;
	for (const [name, prop] of Object.entries(flat.properties ?? {})) {
		const inner = arrayOfObjects(resolve, flatten(resolve, prop));
		if (inner && !flatten(resolve, prop).items) return { ...inner, parent: name };
	}
	return undefined;
}

function arrayOfObjects(resolve: Resolve, flat: Schema): ListSlot | undefined {
	for (const [name, prop] of Object.entries(flat.properties ?? {})) {
		const p = flatten(resolve, prop);
		if (p.type === 'array' && p.items && flatten(resolve, p.items).properties) return { name, items: p.items };
	}
	return undefined;
}

function setTotals(resolve: Resolve, flat: Schema, body: Record<string, unknown>, total: number): void {
	for (const [name, prop] of Object.entries(flat.properties ?? {})) {
		if ((TOTALS.includes(name) || /^total/.test(name)) && fits(resolve, prop, total)) body[name] = total;
	}
	const meta = flat.properties?.meta && flatten(resolve, flat.properties.meta);
	if (meta && isPlainObject(body.meta)) setTotals(resolve, meta, body.meta, total);
}

/**
 * The record's fields written over a generated answer: at the top level when the schema describes
 * the entity itself (it has an id), else inside the wrapper property that does (`{business: {...}}`).
 * Only fields the schema documents, and only values that fit it.
 */
function overlay(resolve: Resolve, schema: Schema, generated: unknown, record: GenericRecord): unknown {
	const flat = flatten(resolve, schema);
	if (!isPlainObject(generated) || !flat.properties) return generated;
	const props = flat.properties;
	if (!('id' in props) && !('_id' in props)) {
		const wrapper = Object.entries(props).find(([name, p]) => {
			const inner = flatten(resolve, p);
			return isPlainObject(generated[name]) && inner.properties && ('id' in inner.properties || '_id' in inner.properties);
		});
		if (wrapper) {
			generated[wrapper[0]] = overlay(resolve, wrapper[1], generated[wrapper[0]], record);
			return generated;
		}
	}
	for (const [name, v] of Object.entries(record)) {
		const target = name === 'id' && !('id' in props) ? '_id' : name;
		if (props[target] && v !== undefined && (name !== 'id' || v !== SINGLETON) && fits(resolve, props[target], v)) generated[target] = v;
	}
	return generated;
}
