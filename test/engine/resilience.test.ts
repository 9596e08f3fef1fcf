// Rate limits, 429 storms, server errors and broken connections: every item delivered once,
// and a write that may have been applied is never sent twice.
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { apiRequests, byId, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const emails = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ json: { email: `${tag}-${i}@example.com` } }));
const stored = (email: string) => [...sandbox.state.contacts.values()].filter((c) => c.email === email);

describe('transport resilience', () => {
	it('paces 40 creates under a 10 requests / 500 ms limit without a single 429', async () => {
		sandbox.configure({ rateLimit: { max: 10, intervalMs: 500 } });
		const items = emails(40, 'paced');
		const result = await runContact(sandbox, 'create', { email: '={{$json.email}}' }, { inputItems: items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(40);
		for (const item of items) expect(stored(item.json.email)).toHaveLength(1);
		expect(apiRequests(sandbox).filter((r) => r.status === 429)).toHaveLength(0);
	});

	it('survives a 429 storm: every item created exactly once', async () => {
		sandbox.configure({ rateLimit: { max: 1000, intervalMs: 200 } });
		sandbox.setFaults({ storm429Next: 6 });
		const items = emails(3, 'storm');
		const result = await runContact(sandbox, 'create', { email: '={{$json.email}}' }, { inputItems: items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		for (const item of items) expect(stored(item.json.email)).toHaveLength(1);
		expect(apiRequests(sandbox).filter((r) => r.status === 429)).toHaveLength(6);
	});

	it('does not resend a create answered with a 5xx after it was applied', async () => {
		sandbox.setFaults({ fail5xxAfterWriteNext: 1, match: { method: 'POST', pathPrefix: '/contacts' } });
		const result = await runContact(sandbox, 'create', { email: 'once@example.com' });
		expect(result.error?.message).toMatch(/\[500\]/);
		expect(result.error?.description).toMatch(/not resent/);
		expect(stored('once@example.com')).toHaveLength(1);
		expect(apiRequests(sandbox).filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('retries idempotent reads after server errors and connection resets', async () => {
		const contact = [...sandbox.state.contacts.values()][0];
		sandbox.setFaults({ fail5xxNext: 2, match: { method: 'GET' } });
		const afterErrors = await runContact(sandbox, 'get', { contactId: byId(contact.id) });
		expect(afterErrors.error).toBeUndefined();
		expect(afterErrors.items[0].json.id).toBe(contact.id);

		sandbox.reset();
		sandbox.setFaults({ resetNext: 1, match: { method: 'GET' } });
		const afterReset = await runContact(sandbox, 'get', { contactId: byId(contact.id) });
		expect(afterReset.error).toBeUndefined();
		expect(afterReset.items[0].json.id).toBe(contact.id);
	});

	it('does not resend a create whose connection broke mid-request', async () => {
		sandbox.setFaults({ resetNext: 1, match: { method: 'POST', pathPrefix: '/contacts' } });
		const result = await runContact(sandbox, 'create', { email: 'reset@example.com' });
		expect(result.error?.message).toMatch(/connection failed \(the connection was reset\)/);
		expect(result.error?.description).toMatch(/not resent/);
	});
});
