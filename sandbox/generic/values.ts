// Values built from the contract's response schemas: realistic generated values, and a check
// that a stored or echoed value fits a schema (so an answer never breaks its documented shape).
import type { Schema } from '../contract';
import type { Rng } from '../util';
import { createRng, makeId } from '../util';

export type Resolve = (schema: Schema) => Schema;

/** Depth past which only required properties (and no array items) are generated: recursive DTOs end. */
const FULL_DEPTH = 4;
const MAX_DEPTH = 12;

export function seedOf(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** allOf branches merged into one object shape (the contract's DTOs extend others this way). */
export function flatten(resolve: Resolve, schemaIn: Schema): Schema {
	const schema = resolve(schemaIn);
	if (!schema.allOf) return schema;
	const merged: Schema = { ...schema, allOf: undefined, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
	for (const part of schema.allOf.map((s) => flatten(resolve, s))) {
		Object.assign(merged.properties!, part.properties ?? {});
		merged.required!.push(...(part.required ?? []));
		merged.type ??= part.type;
		merged.items ??= part.items;
		merged.enum ??= part.enum;
	}
	return merged;
}

export interface GenerateContext {
	resolve: Resolve;
	now: number;
}

export function generate(ctx: GenerateContext, schema: Schema, seed: string): unknown {
	return value(ctx, schema, '', 0, createRng(seedOf(seed)));
}

function value(ctx: GenerateContext, schemaIn: Schema, key: string, depth: number, rng: Rng): unknown {
	const schema = flatten(ctx.resolve, schemaIn);
	const alternatives = schema.oneOf ?? schema.anyOf;
	if (alternatives?.length) return value(ctx, alternatives[0], key, depth, rng);
	if (schema.enum?.length) return schema.enum.includes(schema.example) ? schema.example : schema.enum[0];
	switch (schema.type) {
		case 'string':
			return stringValue(schema, key, rng, ctx.now);
		case 'integer':
		case 'number': {
			if (typeof schema.example === 'number' && fitsNumber(schema, schema.example)) return schema.example;
			const n = schema.minimum ?? (/count|total/i.test(key) ? 1 : Math.floor(rng() * 100) + 1);
			return schema.maximum !== undefined ? Math.min(n, schema.maximum) : n;
		}
		case 'boolean':
			return typeof schema.example === 'boolean' ? schema.example : /succe|success|ok$/i.test(key);
		case 'array': {
			if (depth >= FULL_DEPTH || !schema.items) return [];
			const n = Math.max(1, schema.minItems ?? 0);
			return Array.from({ length: n }, () => value(ctx, schema.items!, singular(key), depth + 1, rng));
		}
		default: {
			if (!schema.properties) return schema.type === 'object' || schema.type === undefined ? {} : null;
			const out: Record<string, unknown> = {};
			const required = new Set(schema.required ?? []);
			if (depth >= MAX_DEPTH) return out;
			for (const [name, prop] of Object.entries(schema.properties)) {
				if (depth >= FULL_DEPTH && !required.has(name)) continue;
				out[name] = value(ctx, prop, name, depth + 1, rng);
			}
			return out;
		}
	}
}

function singular(key: string): string {
	return key.replace(/ies$/, 'y').replace(/s$/, '');
}

function stringValue(schema: Schema, key: string, rng: Rng, now: number): string {
	const example = typeof schema.example === 'string' ? schema.example : undefined;
	const k = key.toLowerCase();
	let text: string;
	if (schema.format === 'date-time' || (/(date|at|time)$/.test(k) && !example)) text = new Date(now - Math.floor(rng() * 30) * 86_400_000).toISOString();
	else if (schema.format === 'date') text = new Date(now).toISOString().slice(0, 10);
	else if (schema.format === 'email' || k.includes('email')) text = example && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(example) ? example : `${makeId(rng, 6).toLowerCase()}@example.com`;
	else if (schema.format === 'uri' || schema.format === 'url') text = example && /^https?:\/\//.test(example) ? example : `https://example.com/${makeId(rng, 8)}`;
	else if (example !== undefined) text = example;
	else if (k === 'id' || k === '_id' || k.endsWith('id')) text = makeId(rng);
	else if (k.includes('phone')) text = `+1555${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`;
	else if (k.includes('url') || k.includes('link')) text = `https://example.com/${makeId(rng, 8)}`;
	else if (k.includes('name')) text = `Sandbox ${key}`;
	else text = key ? `${key}-${makeId(rng, 6)}` : makeId(rng, 8);
	if (schema.minLength !== undefined && text.length < schema.minLength) text = text.padEnd(schema.minLength, 'x');
	if (schema.maxLength !== undefined && text.length > schema.maxLength) text = text.slice(0, schema.maxLength);
	return text;
}

function fitsNumber(schema: Schema, n: number): boolean {
	if (schema.type === 'integer' && !Number.isInteger(n)) return false;
	return (schema.minimum === undefined || n >= schema.minimum) && (schema.maximum === undefined || n <= schema.maximum);
}

/** Whether `v` may stand where `schema` is documented (types, enums, nullability, required keys). */
export function fits(resolve: Resolve, schemaIn: Schema, v: unknown, depth = 0): boolean {
	const schema = flatten(resolve, schemaIn);
	if (depth > MAX_DEPTH) return true;
	if (v === null || v === undefined) return v === undefined || Boolean(schema.nullable);
	const alternatives = schema.oneOf ?? schema.anyOf;
	if (alternatives?.length) return alternatives.some((alt) => fits(resolve, alt, v, depth + 1));
	if (schema.enum && !schema.enum.includes(v)) return false;
	switch (schema.type) {
		case 'string':
			return typeof v === 'string';
		case 'integer':
		case 'number':
			return typeof v === 'number' && fitsNumber(schema, v);
		case 'boolean':
			return typeof v === 'boolean';
		case 'array':
			return Array.isArray(v) && (!schema.items || v.every((item) => fits(resolve, schema.items!, item, depth + 1)));
		default: {
			if (!schema.properties) return schema.type !== 'object' || (typeof v === 'object' && !Array.isArray(v));
			if (typeof v !== 'object' || Array.isArray(v)) return false;
			const record = v as Record<string, unknown>;
			if ((schema.required ?? []).some((name) => record[name] === undefined)) return false;
			return Object.entries(schema.properties).every(([name, prop]) => record[name] === undefined || fits(resolve, prop, record[name], depth + 1));
		}
	}
}
