// The OAuth2 credential's default Scope must cover every scope a declared operation or picker needs, so a new
// declaration with a new scope fails here until credentials/scopes.ts asks for it.
import { DEFAULT_SCOPES } from '../../credentials/scopes';
import { resources } from '../../nodes/GoHighLevel/actions';
import { LOOKUPS } from '../../nodes/GoHighLevel/methods/lookups';

const requested = new Set(DEFAULT_SCOPES.split(' '));
const declared = [
	...resources.flatMap((r) =>
		r.operations.flatMap((o) => [...o.scopes, ...(o.extraRequests ?? []).flatMap((e) => e.scopes)].map((scope) => [`${o.resource}:${o.operation}`, scope] as const)),
	),
	...Object.entries(LOOKUPS).flatMap(([name, lookup]) => lookup.scopes.map((scope) => [`picker lookup ${name}`, scope] as const)),
];

describe('default OAuth2 scopes', () => {
	it('lists each scope once', () => {
		expect(requested.size).toBe(DEFAULT_SCOPES.split(' ').length);
	});

	it.each(declared)('%s needs %s, which the credential requests by default', (_operation, scope) => {
		expect(requested).toContain(scope);
	});

	it('requests the scopes that exchange an agency token for location tokens', () => {
		expect([...requested]).toEqual(expect.arrayContaining(['oauth.readonly', 'oauth.write']));
	});
});
