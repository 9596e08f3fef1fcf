// POST /contacts/search: filters, sort, paging, searchAfter past 10,000, and the seed itself.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { createState } from '../../sandbox/state';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10_500, rateLimit: { max: 100_000 } });
});
afterAll(async () => await sandbox.close());

const search = (json: Record<string, unknown>) => call(sandbox, 'POST', '/contacts/search', { json: { locationId: DEMO.locationId, ...json } });
const ids = (body: { contacts: Array<{ id: string }> }) => body.contacts.map((c) => c.id);

describe('seed', () => {
	// Seeding speed is a benchmark matter (no timed assertions in tests).
	it('seeds 12,000 contacts, the same ones every time', () => {
		const a = createState(12_000);
		expect(a.contacts.size).toBe(12_000);
		const b = createState(12_000);
		expect([...b.contacts.values()].slice(0, 50)).toEqual([...a.contacts.values()].slice(0, 50));
		expect([...b.customFields.keys()]).toEqual([...a.customFields.keys()]);
	});

	it('varies names, contact data, tags, assignees and dates', () => {
		const contacts = demoContacts(sandbox);
		expect(new Set(contacts.map((c) => c.firstName)).size).toBeGreaterThan(20);
		expect(contacts.filter((c) => c.email).length).toBeGreaterThan(10_000);
		expect(contacts.every((c) => !c.phone || /^\+\d{11,15}$/.test(c.phone))).toBe(true);
		expect(new Set(contacts.map((c) => c.assignedTo)).size).toBeGreaterThan(2);
		expect(contacts.some((c) => c.tags.length > 1)).toBe(true);
		expect(contacts.some((c) => c.customFields.length > 2)).toBe(true);
		expect(new Set(contacts.map((c) => c.dateAdded.slice(0, 7))).size).toBeGreaterThan(24);
		expect(contacts.every((c) => c.dateUpdated >= c.dateAdded)).toBe(true);
	});
});

describe('search', () => {
	it('requires locationId and a sane pageLimit', async () => {
		const missing = await call(sandbox, 'POST', '/contacts/search', { json: { pageLimit: 10 } });
		expect(missing.status).toBe(422);
		expect(missing.body.message).toContain('locationId should not be empty');
		expect((await search({ pageLimit: 501 })).body.message).toEqual(['pageLimit must not be greater than 500']);
		expect((await search({ pageLimit: 0 })).status).toBe(422);
		expect((await search({ pageLimit: 'ten' })).status).toBe(422);
		expect((await search({ filters: [{ field: 'shoeSize', operator: 'eq', value: 9 }] })).body.message[0]).toMatch(/^filters\.0\.field/);
		expect((await search({ filters: [{ field: 'email', operator: 'like', value: 'x' }] })).body.message[0]).toMatch(/^filters\.0\.operator must be one of/);
		expect((await search({ sort: [{ field: 'city', direction: 'asc' }] })).status).toBe(422);
	});

	it('filters, sorts and pages without overlap, with the right total', async () => {
		const expected = demoContacts(sandbox)
			.filter((c) => c.tags.includes('vip') && c.email)
			.sort((a, b) => (a.dateAdded === b.dateAdded ? (a.id < b.id ? -1 : 1) : a.dateAdded < b.dateAdded ? -1 : 1));
		const filters = [
			{ field: 'tags', operator: 'eq', value: 'vip' },
			{ field: 'email', operator: 'exists' },
		];
		const sort = [{ field: 'dateAdded', direction: 'asc' }];
		const page1 = await search({ filters, sort, page: 1, pageLimit: 50 });
		const page2 = await search({ filters, sort, page: 2, pageLimit: 50 });
		expect(page1.status).toBe(200);
		expect(page1.body.total).toBe(expected.length);
		expect(page2.body.total).toBe(expected.length);
		expect([...ids(page1.body), ...ids(page2.body)]).toEqual(expected.slice(0, 100).map((c) => c.id));
		const first = page1.body.contacts[0];
		expect(first.searchAfter).toEqual([Date.parse(first.dateAdded), first.id]);
		expect(first.tags).toContain('vip');
	});

	it('defaults to 20 per page, newest first', async () => {
		const res = await search({});
		expect(res.body.contacts).toHaveLength(20);
		expect(res.body.total).toBe(10_500);
		const dates = res.body.contacts.map((c: { dateAdded: string }) => c.dateAdded);
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('supports free text, OR groups, not_eq, contains and date ranges', async () => {
		const contacts = demoContacts(sandbox);
		const target = contacts[42];
		const byText = await search({ query: target.email!.toUpperCase() });
		expect(ids(byText.body)).toEqual([target.id]);

		const group = await search({
			pageLimit: 1,
			filters: [{ group: 'OR', filters: [{ field: 'city', operator: 'eq', value: 'toronto' }, { field: 'city', operator: 'eq', value: 'Denver' }] }],
		});
		expect(group.body.total).toBe(contacts.filter((c) => c.city === 'Toronto' || c.city === 'Denver').length);

		const notVip = await search({ pageLimit: 1, filters: [{ field: 'tags', operator: 'not_eq', value: 'vip' }] });
		expect(notVip.body.total).toBe(contacts.filter((c) => !c.tags.includes('vip')).length);

		const contains = await search({ pageLimit: 1, filters: [{ field: 'companyName', operator: 'contains', value: 'dental' }] });
		expect(contains.body.total).toBe(contacts.filter((c) => (c.companyName ?? '').toLowerCase().includes('dental')).length);

		const range = { gte: '2024-01-01T00:00:00.000Z', lt: '2024-02-01T00:00:00.000Z' };
		const inJanuary = await search({ pageLimit: 1, filters: [{ field: 'dateAdded', operator: 'range', value: range }] });
		expect(inJanuary.body.total).toBe(contacts.filter((c) => c.dateAdded >= range.gte && c.dateAdded < range.lt).length);
		expect(inJanuary.body.total).toBeGreaterThan(0);

		const noPhone = await search({ pageLimit: 1, filters: [{ field: 'phone', operator: 'not_exists' }] });
		expect(noPhone.body.total).toBe(contacts.filter((c) => !c.phone).length);
	});

	it('refuses page numbers beyond 10,000 records', async () => {
		expect((await search({ page: 100, pageLimit: 100 })).status).toBe(200);
		const beyond = await search({ page: 101, pageLimit: 100 });
		expect(beyond.status).toBe(422);
		expect(beyond.body.message).toEqual(['Use searchAfter to paginate beyond 10,000 records']);
	});

	it('walks past 10,000 records with searchAfter, each contact exactly once', async () => {
		const seen = new Set<string>();
		let searchAfter: unknown;
		let requests = 0;
		const sort = [{ field: 'lastNameLowerCase', direction: 'asc' }];
		for (;;) {
			const res = await search({ pageLimit: 500, sort, ...(searchAfter ? { searchAfter, page: 99 } : {}) });
			requests++;
			expect(res.status).toBe(200);
			for (const id of ids(res.body)) seen.add(id);
			if (res.body.contacts.length < 500) break;
			searchAfter = res.body.contacts[res.body.contacts.length - 1].searchAfter;
		}
		expect(seen.size).toBe(10_500);
		expect(requests).toBe(22);
	});

	it('keeps the cursor exact across ties and missing values', async () => {
		// email desc: contacts without an email sort last; the id breaks ties.
		const sort = [{ field: 'email', direction: 'desc' }];
		const filters = [
			{ field: 'city', operator: 'eq', value: 'Miami' },
			{ field: 'tags', operator: 'eq', value: ['vip', 'no-show'] },
		];
		const all = await search({ sort, pageLimit: 500, filters });
		expect(all.body.total).toBeLessThan(500);
		const walked: string[] = [];
		let searchAfter: unknown;
		for (;;) {
			const res = await search({ sort, pageLimit: 7, filters, ...(searchAfter ? { searchAfter } : {}) });
			walked.push(...ids(res.body));
			if (res.body.contacts.length < 7) break;
			searchAfter = res.body.contacts[6].searchAfter;
		}
		expect(walked).toEqual(ids(all.body));
		const last = all.body.contacts[all.body.contacts.length - 1];
		expect(last.email).toBeUndefined();
		expect(last.searchAfter[0]).toBeNull();
	});
});
