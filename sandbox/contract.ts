// The API contract: loading, route matching and request validation (NestJS-style messages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isEmail, isPlainObject } from './util';

export interface Schema {
	$ref?: string;
	type?: string;
	enum?: unknown[];
	required?: string[];
	properties?: Record<string, Schema>;
	items?: Schema;
	anyOf?: Schema[];
	oneOf?: Schema[];
	allOf?: Schema[];
	nullable?: boolean;
	format?: string;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	additionalProperties?: boolean | Schema;
	default?: unknown;
	example?: unknown;
}

export interface OperationParam {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	schema: Schema;
	undeclared?: boolean;
}

export interface SecurityRequirement {
	scheme: string;
	scopes: string[];
}

export interface Operation {
	method: string;
	path: string;
	operationId: string;
	file: string;
	version: string | null;
	security: SecurityRequirement[];
	deprecated: boolean;
	params: OperationParam[];
	body: null | { required: boolean; contentType: string; schema: Schema };
	successStatus: number;
	/** Every documented status; the schema of success answers (null for errors and undocumented bodies). */
	responses: Record<string, Schema | null>;
}

export interface Contract {
	source: string;
	operationCount: number;
	operations: Operation[];
	schemas: Record<string, Schema>;
}

export const CONTRACT_PATH = join(__dirname, '..', 'contract', 'highlevel-v2.json');

let cached: Contract | undefined;

export function loadContract(): Contract {
	if (!cached) cached = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Contract;
	return cached;
}

/** Every scope named by any operation: what "all scopes" means for demo tokens. */
export function allScopes(contract: Contract = loadContract()): string[] {
	const scopes = new Set<string>();
	for (const op of contract.operations) for (const s of op.security) for (const scope of s.scopes) scopes.add(scope);
	return [...scopes].sort();
}

// ---------------------------------------------------------------------------------------------
// Routing

interface CompiledRoute {
	op: Operation;
	/** Literal segment, or null for a `{param}` segment. */
	segments: Array<string | null>;
	paramNames: string[];
}

export interface RouteMatch {
	op: Operation;
	params: Record<string, string>;
}

function splitPath(path: string): string[] {
	const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
	return trimmed === '' ? [] : trimmed.split('/');
}

export class Router {
	private readonly byKey = new Map<string, CompiledRoute[]>();

	constructor(operations: Operation[]) {
		for (const op of operations) {
			const parts = splitPath(op.path);
			const route: CompiledRoute = {
				op,
				segments: parts.map((p) => (/^\{[^}]+\}$/.test(p) ? null : p)),
				paramNames: parts.filter((p) => /^\{[^}]+\}$/.test(p)).map((p) => p.slice(1, -1)),
			};
			const key = `${op.method.toUpperCase()} ${parts.length}`;
			const list = this.byKey.get(key) ?? [];
			list.push(route);
			this.byKey.set(key, list);
		}
		// Literal segments win over parameters, left to right (`/contacts/search` before `/contacts/{contactId}`).
		for (const list of this.byKey.values()) {
			list.sort((a, b) => {
				for (let i = 0; i < a.segments.length; i++) {
					const al = a.segments[i] !== null;
					const bl = b.segments[i] !== null;
					if (al !== bl) return al ? -1 : 1;
				}
				return 0;
			});
		}
	}

	/** `rawPath` is the still-encoded pathname, so an encoded `/` stays inside its parameter. */
	match(method: string, rawPath: string): RouteMatch | undefined {
		const parts = splitPath(rawPath);
		const candidates = this.byKey.get(`${method.toUpperCase()} ${parts.length}`);
		if (!candidates) return undefined;
		let decoded: string[];
		try {
			decoded = parts.map((p) => decodeURIComponent(p));
		} catch {
			return undefined;
		}
		for (const route of candidates) {
			const params: Record<string, string> = {};
			let ok = true;
			let p = 0;
			for (let i = 0; i < route.segments.length; i++) {
				const literal = route.segments[i];
				if (literal === null) {
					if (decoded[i] === '') {
						ok = false;
						break;
					}
					params[route.paramNames[p++]] = decoded[i];
				} else if (literal !== decoded[i]) {
					ok = false;
					break;
				}
			}
			if (ok) return { op: route.op, params };
		}
		return undefined;
	}
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface ValidateOptions {
	/** Form bodies (OAuth) come from generic OAuth clients that add their own fields. */
	allowUnknown?: boolean;
}

export class Validator {
	constructor(private readonly schemas: Record<string, Schema>) {}

	resolve(schema: Schema): Schema {
		let s = schema;
		for (let depth = 0; s.$ref && depth < 32; depth++) {
			const target = this.schemas[s.$ref];
			if (!target) return {};
			s = { ...target, ...(s.nullable ? { nullable: true } : {}) };
		}
		return s;
	}

	/** Validates query parameters; returns NestJS-style messages (undeclared keys: whitelist errors). */
	validateQuery(params: OperationParam[], query: Record<string, string | string[]>, options: ValidateOptions = {}): string[] {
		const errors: string[] = [];
		if (!options.allowUnknown) {
			const declared = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
			for (const name of Object.keys(query)) if (!declared.has(name)) errors.push(`property ${name} should not exist`);
		}
		for (const param of params) {
			if (param.in !== 'query') continue;
			const raw = query[param.name];
			if (raw === undefined || raw === '') {
				if (param.required) errors.push(`${param.name} should not be empty`);
				continue;
			}
			const schema = this.resolve(param.schema);
			const values = Array.isArray(raw) ? raw : [raw];
			if (schema.type === 'array') {
				const items = schema.items ? this.resolve(schema.items) : {};
				for (const v of values) this.checkQueryScalar(items, v, param.name, errors);
				continue;
			}
			this.checkQueryScalar(schema, values[0], param.name, errors);
		}
		return errors;
	}

	private checkQueryScalar(schema: Schema, value: string, name: string, errors: string[]): void {
		switch (schema.type) {
			case 'integer':
				if (!/^-?\d+$/.test(value)) return void errors.push(`${name} must be an integer number`);
				break;
			case 'number':
				if (value.trim() === '' || !Number.isFinite(Number(value))) return void errors.push(`${name} must be a number conforming to the specified constraints`);
				break;
			case 'boolean':
				if (value !== 'true' && value !== 'false') return void errors.push(`${name} must be a boolean value`);
				break;
		}
		if (schema.enum && !schema.enum.map(String).includes(value)) {
			errors.push(`${name} must be one of the following values: ${schema.enum.join(', ')}`);
			return;
		}
		if (schema.type === 'integer' || schema.type === 'number') {
			const n = Number(value);
			if (schema.minimum !== undefined && n < schema.minimum) errors.push(`${name} must not be less than ${schema.minimum}`);
			if (schema.maximum !== undefined && n > schema.maximum) errors.push(`${name} must not be greater than ${schema.maximum}`);
		}
	}

	/** Validates a JSON (or form) body against a schema; returns messages naming each field. */
	validateBody(schema: Schema, body: unknown, options: ValidateOptions = {}): string[] {
		const errors: string[] = [];
		this.check(schema, body, '', errors, options);
		return errors;
	}

	private check(schemaIn: Schema, value: unknown, path: string, errors: string[], options: ValidateOptions): void {
		const schema = this.resolve(schemaIn);
		const name = path || 'body';
		if (value === null) {
			if (schema.nullable) return;
			// NestJS (IsOptional) treats null like a missing optional value; required is checked by the parent.
			return;
		}
		if (schema.allOf) {
			// Object shapes merge (so a property declared in any branch is known); the rest must all pass.
			const merged = this.mergeAllOf(schema);
			if (merged) {
				this.check(merged, value, path, errors, options);
				return;
			}
			for (const branch of schema.allOf) this.check(branch, value, path, errors, options);
		}
		const alternatives = schema.anyOf ?? schema.oneOf;
		if (alternatives && alternatives.length > 0) {
			// oneOf is checked like anyOf: these specs list overlapping shapes (TextField / LargeTextField).
			let best: string[] | undefined;
			for (const alt of alternatives) {
				const altErrors: string[] = [];
				this.check(alt, value, path, altErrors, options);
				if (altErrors.length === 0) {
					best = undefined;
					break;
				}
				if (!best || altErrors.length < best.length) best = altErrors;
			}
			if (best) errors.push(...best);
			if (!schema.type && !schema.properties) return;
		}

		if (schema.enum && !schema.enum.some((e) => e === value)) {
			errors.push(`${name} must be one of the following values: ${schema.enum.join(', ')}`);
			return;
		}

		switch (schema.type) {
			case 'string': {
				if (typeof value !== 'string') return void errors.push(`${name} must be a string`);
				if (schema.minLength !== undefined && value.length < schema.minLength)
					errors.push(`${name} must be longer than or equal to ${schema.minLength} characters`);
				if (schema.maxLength !== undefined && value.length > schema.maxLength)
					errors.push(`${name} must be shorter than or equal to ${schema.maxLength} characters`);
				if ((schema.format === 'email' || lastSegment(path) === 'email') && !isEmail(value)) errors.push(`${name} must be an email`);
				return;
			}
			case 'integer':
			case 'number': {
				if (typeof value !== 'number' || !Number.isFinite(value))
					return void errors.push(`${name} must be a number conforming to the specified constraints`);
				if (schema.type === 'integer' && !Number.isInteger(value)) return void errors.push(`${name} must be an integer number`);
				if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${name} must not be less than ${schema.minimum}`);
				if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${name} must not be greater than ${schema.maximum}`);
				return;
			}
			case 'boolean':
				if (typeof value !== 'boolean') errors.push(`${name} must be a boolean value`);
				return;
			case 'array': {
				if (!Array.isArray(value)) return void errors.push(`${name} must be an array`);
				if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${name} must contain at least ${schema.minItems} elements`);
				if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${name} must contain no more than ${schema.maxItems} elements`);
				if (schema.items) value.forEach((item, i) => this.check(schema.items as Schema, item, join2(path, String(i)), errors, options));
				return;
			}
			case 'object':
			case undefined: {
				// Untyped DTO (no or empty `properties`, e.g. SearchBodyV2DTO): accept anything.
				if (!schema.properties || Object.keys(schema.properties).length === 0) return;
				if (!isPlainObject(value)) return void errors.push(`${name} must be an object`);
				this.checkObject(schema, value, path, errors, options);
				return;
			}
		}
	}

	private checkObject(schema: Schema, value: Record<string, unknown>, path: string, errors: string[], options: ValidateOptions): void {
		const properties = schema.properties ?? {};
		for (const key of schema.required ?? []) {
			// A required but nullable property (e.g. ContactsBusinessUpdate.businessId: null unlinks) accepts null.
			if (value[key] === null && properties[key] && this.resolve(properties[key]).nullable) continue;
			if (value[key] === undefined || value[key] === null || value[key] === '') errors.push(`${join2(path, key)} should not be empty`);
		}
		for (const [key, v] of Object.entries(value)) {
			const propSchema = properties[key];
			if (propSchema) {
				if (v !== undefined) this.check(propSchema, v, join2(path, key), errors, options);
				continue;
			}
			if (isPlainObject(schema.additionalProperties)) {
				this.check(schema.additionalProperties, v, join2(path, key), errors, options);
			} else if (schema.additionalProperties !== true && !options.allowUnknown) {
				errors.push(`property ${join2(path, key)} should not exist`);
			}
		}
	}

	private mergeAllOf(schema: Schema): Schema | undefined {
		const parts = [schema, ...(schema.allOf ?? [])].map((s) => (s === schema ? { ...s, allOf: undefined } : this.resolve(s)));
		if (!parts.some((p) => p.properties)) return undefined;
		if (parts.some((p) => p.anyOf || p.oneOf || p.allOf || (p.type && p.type !== 'object'))) return undefined;
		const merged: Schema = { type: 'object', properties: {}, required: [], nullable: schema.nullable };
		for (const p of parts) {
			Object.assign(merged.properties as Record<string, Schema>, p.properties ?? {});
			merged.required!.push(...(p.required ?? []));
			if (p.additionalProperties !== undefined) merged.additionalProperties = p.additionalProperties;
		}
		return merged;
	}
}

function join2(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}

function lastSegment(path: string): string {
	const i = path.lastIndexOf('.');
	return i < 0 ? path : path.slice(i + 1);
}
