// The reads that find an earlier attempt's record (declarations' `earlierAttempt`) exist in
// HighLevel's v2 contract with the Version and scopes declared, and send only parameters it knows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resources } from '../../nodes/GoHighLevel/actions';
import { isIdempotent } from '../../nodes/GoHighLevel/transport/retry';

interface ContractOperation {
	method: string;
	path: string;
	version: string | null;
	security: Array<{ scheme: string; scopes: string[] }>;
	params: Array<{ name: string; in: 'path' | 'query'; required: boolean }>;
}

const contract = JSON.parse(readFileSync(join(__dirname, '..', '..', 'contract', 'highlevel-v2.json'), 'utf8')) as { operations: ContractOperation[] };
const withLookup = resources.flatMap((r) => r.operations).filter((d) => d.earlierAttempt);

it('declares a lookup for the creates of contacts, opportunities, notes, tasks, appointments and appointment notes', () => {
	expect(withLookup.map((d) => `${d.resource}:${d.operation}`).sort()).toEqual(
		['appointment:create', 'appointmentNote:create', 'contact:create', 'contactNote:create', 'contactTask:create', 'opportunity:create'].sort(),
	);
	for (const decl of withLookup) expect(isIdempotent(decl.method, decl.idempotent)).toBe(false);
});

describe.each(withLookup.map((d) => [`${d.resource}:${d.operation}`, d.earlierAttempt!] as const))('%s', (_key, lookup) => {
	const op = contract.operations.find((o) => o.method === 'GET' && o.path === lookup.path);

	it('reads an operation of the contract with its Version and scopes', () => {
		expect(op).toBeDefined();
		expect(lookup.version).toBe(op?.version ?? null);
		expect([...lookup.scopes].sort()).toEqual([...new Set(op?.security.flatMap((s) => s.scopes) ?? [])].sort());
	});

	it('sends only query parameters the read knows, and every one it requires', () => {
		const known = (op?.params ?? []).filter((p) => p.in === 'query').map((p) => p.name);
		const sent = [...Object.keys(lookup.query ?? {}), ...Object.keys(lookup.fixedQuery ?? {})];
		for (const name of sent) expect(known).toContain(name);
		for (const p of (op?.params ?? []).filter((x) => x.in === 'query' && x.required)) expect(sent).toContain(p.name);
	});
});
