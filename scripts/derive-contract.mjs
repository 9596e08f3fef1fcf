#!/usr/bin/env node
// Derives a compact, prose-free contract of HighLevel API v2 from the official OpenAPI specs
// (../shared/ghl-openapi/apps/*.json). Only facts are kept: method, path, Version, security,
// parameters, request-body schemas, the documented statuses with the success responses' schemas,
// and scalar examples (the sandbox's realistic values). Used by the sandbox (request validation,
// generated answers) and by the tests (declared operations must exist and map every required field).
//
//   node scripts/derive-contract.mjs            write contract/highlevel-v2.json
//   node scripts/derive-contract.mjs --check    exit 1 when the committed contract is stale
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = process.env.GHL_OPENAPI_DIR ?? join(root, '..', 'shared', 'ghl-openapi', 'apps');
const commonDir = join(specDir, '..', 'common');
const outFile = join(root, 'contract', 'highlevel-v2.json');

const KEPT_SCHEMA_KEYS = new Set([
	'type', 'enum', 'required', 'properties', 'items', 'anyOf', 'oneOf', 'allOf', 'nullable', 'format',
	'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'additionalProperties', 'default',
	'example',
]);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function loadJson(file) {
	return JSON.parse(readFileSync(file, 'utf8'));
}

export function deriveContract() {
	const files = readdirSync(specDir).filter((f) => f.endsWith('.json')).sort();
	const docs = new Map(files.map((f) => [f, loadJson(join(specDir, f))]));
	const common = existsSync(join(commonDir, 'common-schemas.json'))
		? loadJson(join(commonDir, 'common-schemas.json'))
		: { components: { schemas: {} } };
	const schemas = {};

	// A $ref becomes "file#Name"; the named schema is compacted once into `schemas`.
	function refName(ref, file) {
		const [target, pointer] = ref.split('#');
		const targetFile = target ? target.replace('../common/', 'common/') : file;
		const name = pointer.split('/').pop();
		const key = `${targetFile}#${name}`;
		if (!(key in schemas)) {
			schemas[key] = null; // cycle guard
			const doc = targetFile.startsWith('common/') ? common : docs.get(targetFile);
			const raw = doc?.components?.schemas?.[name] ?? {};
			schemas[key] = compact(raw, targetFile);
		}
		return key;
	}

	function compact(schema, file) {
		if (Array.isArray(schema)) return schema.map((s) => compact(s, file));
		if (!schema || typeof schema !== 'object') return schema;
		if (schema.$ref) return { $ref: refName(schema.$ref, file) };
		const out = {};
		for (const [k, v] of Object.entries(schema)) {
			if (!KEPT_SCHEMA_KEYS.has(k)) continue;
			if (k === 'properties') {
				out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, compact(s, file)]));
			} else if (k === 'items' || k === 'anyOf' || k === 'oneOf' || k === 'allOf') {
				out[k] = compact(v, file);
			} else if (k === 'additionalProperties') {
				out[k] = typeof v === 'object' ? compact(v, file) : v;
			} else if (k === 'example') {
				// Only short scalar examples (values such as ids, names, dates; never prose): realistic generated values.
				if (v !== null && typeof v !== 'object' && String(v).length <= 60) out.example = v;
			} else {
				out[k] = v;
			}
		}
		return out;
	}

	const operations = [];
	for (const [file, doc] of docs) {
		for (const [path, item] of Object.entries(doc.paths ?? {})) {
			for (const method of METHODS) {
				const op = item[method];
				if (!op) continue;
				const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
					p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p,
				);
				const versionParam = params.find((p) => p.in === 'header' && p.name.toLowerCase() === 'version');
				const declared = params
					.filter((p) => p.in === 'path' || p.in === 'query')
					.map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required || p.in === 'path'), schema: compact(p.schema ?? {}, file) }));
				// A few specs use a {placeholder} without declaring it; the path still needs it.
				for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
					if (!declared.some((p) => p.in === 'path' && p.name === name)) {
						declared.push({ name, in: 'path', required: true, schema: { type: 'string' }, undeclared: true });
					}
				}
				const content = op.requestBody?.content ?? {};
				const contentType = Object.keys(content)[0];
				const success = Object.keys(op.responses ?? {}).find((c) => /^2\d\d$/.test(c));
				// Every documented status; the schema only for success answers (errors share one format).
				const responses = Object.fromEntries(
					Object.entries(op.responses ?? {}).map(([code, r]) => {
						const media = r.content?.['application/json'] ?? Object.values(r.content ?? {})[0];
						return [code, /^2\d\d$/.test(code) && media?.schema ? compact(media.schema, file) : null];
					}),
				);
				operations.push({
					method: method.toUpperCase(),
					path,
					operationId: op.operationId ?? null,
					file,
					version: versionParam?.schema?.enum?.[0] ?? null,
					security: (op.security ?? []).map((s) => {
						const [scheme, scopes] = Object.entries(s)[0] ?? ['', []];
						return { scheme, scopes };
					}),
					deprecated: Boolean(op.deprecated),
					params: declared,
					body: contentType
						? { required: Boolean(op.requestBody.required), contentType, schema: compact(content[contentType].schema ?? {}, file) }
						: null,
					successStatus: success ? Number(success) : null,
					responses,
				});
			}
		}
	}
	operations.sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
	const sortedSchemas = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
	return { source: 'GoHighLevel/highlevel-api-docs apps/*.json (API v2)', operationCount: operations.length, operations, schemas: sortedSchemas };
}

// One operation or schema per line: small, and diffs stay readable when the specs move.
export function serialize(contract) {
	const ops = contract.operations.map((o) => JSON.stringify(o)).join(',\n');
	const schemas = Object.entries(contract.schemas)
		.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
		.join(',\n');
	return `{"source":${JSON.stringify(contract.source)},"operationCount":${contract.operationCount},\n"operations":[\n${ops}\n],\n"schemas":{\n${schemas}\n}}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (!existsSync(specDir)) {
		console.error(`specs not found at ${specDir}`);
		process.exit(2);
	}
	const text = serialize(deriveContract());
	if (process.argv.includes('--check')) {
		const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
		if (current !== text) {
			console.error('contract/highlevel-v2.json is stale: run `npm run contract`');
			process.exit(1);
		}
		console.log('contract is current');
	} else {
		writeFileSync(outFile, text);
		console.log(`wrote ${outFile}`);
	}
}
