// Return All keeps every filter on every page, and contact search pages past 10,000 via searchAfter.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10_500, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('Return All', () => {
	it('searches past 10,000 records with searchAfter, each record once, filters on every page', async () => {
		const result = await runContact(sandbox, 'search', {
			returnAll: true,
			filters: JSON.stringify([{ field: 'email', operator: 'exists' }]),
		});
		expect(result.error).toBeUndefined();
		const withEmail = [...sandbox.state.contacts.values()].filter((c) => c.email).length;
		expect(withEmail).toBeGreaterThan(10_000);
		expect(result.items).toHaveLength(withEmail);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(withEmail);

		const pages = apiRequests(sandbox);
		expect(pages.length).toBe(Math.ceil(withEmail / 100) + (withEmail % 100 === 0 ? 1 : 0));
		for (const page of pages) {
			expect(page.body).toMatchObject({ locationId: DEMO.locationId, filters: [{ field: 'email', operator: 'exists' }], pageLimit: 100 });
		}
		expect(pages.slice(1).every((p) => Array.isArray((p.body as { searchAfter?: unknown }).searchAfter))).toBe(true);
	});

	it('lists 2,500 records of a filtered search with a limit across pages', async () => {
		const result = await runContact(sandbox, 'search', {
			limit: 2_500,
			query: '@',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2_500);
		const pages = apiRequests(sandbox);
		expect(pages).toHaveLength(25);
		for (const page of pages) expect(page.body).toMatchObject({ query: '@', locationId: DEMO.locationId });
	});

	it('follows the startAfterId cursor of the deprecated list and keeps the query', async () => {
		const result = await runContact(sandbox, 'list', { returnAll: true, query: 'example' });
		expect(result.error).toBeUndefined();
		const pages = apiRequests(sandbox);
		expect(pages.length).toBeGreaterThan(2);
		for (const page of pages) expect(page.query).toMatchObject({ locationId: DEMO.locationId, query: 'example' });
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(result.items.length);
	});
});
