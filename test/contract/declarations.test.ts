// Every declared operation (and every picker lookup) must exist in HighLevel's v2 contract, send the Version the spec names,
// and map every path parameter and every required query/body field.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resources } from '../../nodes/GoHighLevel/actions';
import type { LookupDeclaration, OperationDeclaration } from '../../nodes/GoHighLevel/engine/declarations';
import { LOOKUPS } from '../../nodes/GoHighLevel/methods/lookups';

interface ContractOperation {
	method: string;
	path: string;
	version: string | null;
	security: Array<{ scheme: string; scopes: string[] }>;
	params: Array<{ name: string; in: 'path' | 'query'; required: boolean }>;
	body: null | { required: boolean; schema: Schema };
}
interface Schema {
	$ref?: string;
	required?: string[];
	properties?: Record<string, Schema>;
	allOf?: Schema[];
}
interface Contract {
	operationCount: number;
	operations: ContractOperation[];
	schemas: Record<string, Schema>;
}

const root = join(__dirname, '..', '..');
const contract = JSON.parse(readFileSync(join(root, 'contract', 'highlevel-v2.json'), 'utf8')) as Contract;
const declarations = resources.flatMap((r) => r.operations);

function find(decl: OperationDeclaration): ContractOperation | undefined {
	return contract.operations.find((o) => o.method === decl.method && o.path === decl.path);
}

function resolve(schema: Schema | undefined): Schema {
	let current = schema ?? {};
	while (current.$ref) current = contract.schemas[current.$ref] ?? {};
	if (current.allOf) {
		const parts = current.allOf.map(resolve);
		return {
			required: parts.flatMap((p) => p.required ?? []).concat(current.required ?? []),
			properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), current.properties ?? {}),
		};
	}
	return current;
}

/** API names the declaration can put in each place (collection options count by their own name). */
function mapped(decl: OperationDeclaration, where: 'path' | 'query' | 'body'): Set<string> {
	const names = new Set<string>();
	for (const param of decl.params) {
		if (!param.send || param.send.in !== where) continue;
		if (param.property.type === 'collection') {
			for (const option of param.property.options ?? []) {
				const name = (option as { name: string }).name;
				names.add((param.fields?.[name]?.send?.name ?? name).split('.')[0]);
			}
		} else {
			names.add((param.send.name ?? param.property.name).split('.')[0]);
		}
	}
	if (decl.location && decl.location.in === where) names.add(decl.location.name ?? 'locationId');
	if (decl.company && decl.company.in === where) names.add(decl.company.name ?? 'companyId');
	if (where === 'body') Object.keys(decl.staticBody ?? {}).forEach((n) => names.add(n));
	// A composite builds the body of its requests itself.
	if (decl.run && where === 'body') return names;
	if (decl.paging && decl.paging.in === where) {
		names.add(decl.paging.limit);
		if (decl.paging.style === 'offset') names.add(decl.paging.offset);
		else Object.keys({ ...decl.paging.start, ...decl.paging.next }).forEach((n) => names.add(n));
	}
	return names;
}

describe('declared operations against the HighLevel v2 contract', () => {
	it('derives all 576 v2 operations', () => {
		expect(contract.operationCount).toBe(576);
		expect(contract.operations).toHaveLength(576);
	});

	it('declares at least one operation, each once', () => {
		expect(declarations.length).toBeGreaterThan(0);
		const keys = declarations.map((d) => `${d.resource}:${d.operation}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	describe.each(declarations.map((d) => [`${d.resource}:${d.operation}`, d] as const))('%s', (_key, decl) => {
		const op = find(decl);

		it('exists in the contract with the same method and path', () => {
			expect(op).toBeDefined();
		});

		it('sends only further requests (composites) that exist, with their Version and scopes', () => {
			for (const extra of decl.extraRequests ?? []) {
				const other = contract.operations.find((o) => o.method === extra.method && o.path === extra.path);
				expect(other).toBeDefined();
				expect(extra.version).toBe(other?.version ?? null);
				expect([...extra.scopes].sort()).toEqual([...new Set(other?.security.flatMap((s) => s.scopes) ?? [])].sort());
			}
		});

		it('sends the Version header the spec enumerates', () => {
			expect(decl.version).toBe(op?.version ?? null);
		});

		it('names the scopes the spec requires', () => {
			const specScopes = [...new Set(op?.security.flatMap((s) => s.scopes) ?? [])].sort();
			expect([...decl.scopes].sort()).toEqual(specScopes);
		});

		it('maps every path parameter', () => {
			const names = mapped(decl, 'path');
			for (const p of op?.params.filter((x) => x.in === 'path') ?? []) expect(names).toContain(p.name);
		});

		it('maps every required query parameter', () => {
			const names = mapped(decl, 'query');
			for (const p of op?.params.filter((x) => x.in === 'query' && x.required) ?? []) expect(names).toContain(p.name);
		});

		it('maps every required body field and only fields the body schema knows', () => {
			const schema = resolve(op?.body?.schema);
			const names = mapped(decl, 'body');
			for (const field of schema.required ?? []) expect(names).toContain(field);
			if (schema.properties && Object.keys(schema.properties).length > 0) {
				for (const name of names) expect(Object.keys(schema.properties)).toContain(name);
			}
			if (!op?.body) expect(names.size).toBe(0);
		});

		it('maps only query parameters the spec declares', () => {
			const declared = new Set(op?.params.filter((x) => x.in === 'query').map((x) => x.name));
			for (const name of mapped(decl, 'query')) expect(declared).toContain(name);
		});
	});
});

describe.each(Object.entries(LOOKUPS).map(([name, lookup]) => [name, lookup] as const))('picker lookup %s', (_name, lookup: LookupDeclaration) => {
	const op = contract.operations.find((o) => o.method === lookup.method && o.path === lookup.path);

	it('exists in the contract with the same method and path, Version and scopes', () => {
		expect(op).toBeDefined();
		expect(lookup.version).toBe(op?.version ?? null);
		expect([...lookup.scopes].sort()).toEqual([...new Set(op?.security.flatMap((s) => s.scopes) ?? [])].sort());
	});

	it('may send only query parameters the spec declares, and every required one', () => {
		const specQuery = op?.params.filter((p) => p.in === 'query') ?? [];
		for (const name of lookup.query ?? []) expect(specQuery.map((p) => p.name)).toContain(name);
		for (const p of specQuery.filter((q) => q.required)) expect(lookup.query ?? []).toContain(p.name);
	});

	it('may send only body fields the body schema knows, and every required one', () => {
		const schema = resolve(op?.body?.schema);
		for (const field of schema.required ?? []) expect(lookup.body ?? []).toContain(field);
		if (schema.properties && Object.keys(schema.properties).length > 0) {
			for (const name of lookup.body ?? []) expect(Object.keys(schema.properties)).toContain(name);
		}
		if (!op?.body) expect(lookup.body ?? []).toEqual([]);
	});
});

const specDir = join(root, '..', 'shared', 'ghl-openapi', 'apps');

describe('committed contract', () => {
	// Skipped only on a checkout without ../shared beside it; CI always has it.
	(existsSync(specDir) ? it : it.skip)('is what scripts/derive-contract.mjs derives from ../shared (run `npm run contract`)', () => {
		const run = spawnSync(process.execPath, [join(root, 'scripts', 'derive-contract.mjs'), '--check'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
