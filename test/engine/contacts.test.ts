// Contacts through the real n8n engine against the sandbox over HTTP.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('Contact operations', () => {
	it('creates a contact with tags and a custom field picked by id', async () => {
		const field = [...sandbox.state.customFields.values()].find((f) => f.model === 'contact' && f.dataType === 'TEXT')!;
		const result = await runContact(sandbox, 'create', {
			email: 'ada@example.com',
			phone: '+14155550100',
			additionalFields: { firstName: 'Ada', lastName: 'Lovelace', tags: 'vip, newsletter', source: 'n8n' },
			customFields: { field: [{ id: field.id, value: 'teal' }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const created = result.items[0].json;
		expect(created).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', tags: ['vip', 'newsletter'] });
		const stored = sandbox.state.contacts.get(String(created.id))!;
		expect(stored.locationId).toBe(DEMO.locationId);
		expect(stored.customFields).toEqual(expect.arrayContaining([expect.objectContaining({ id: field.id, value: 'teal' })]));
		// The id is checked against the location's definitions first, then the contact is created.
		expect(apiRequests(sandbox).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /locations/${DEMO.locationId}/customFields`, 'POST /contacts/']);
		expect(apiRequests(sandbox)[1]).toMatchObject({ method: 'POST', path: '/contacts/', version: '2021-07-28', status: 201 });
	});

	it('gets, updates and deletes a contact', async () => {
		const contact = [...sandbox.state.contacts.values()][0];
		const got = await runContact(sandbox, 'get', { contactId: byId(contact.id) });
		expect(got.items[0].json).toMatchObject({ id: contact.id, email: contact.email });

		const simplified = await runContact(sandbox, 'get', { contactId: byId(contact.id), simplify: true });
		expect(Object.keys(simplified.items[0].json)).not.toContain('customFields');
		expect(simplified.items[0].json.id).toBe(contact.id);

		const updated = await runContact(sandbox, 'update', {
			contactId: byId(contact.id),
			updateFields: { city: 'Lisbon', tags: 'renewed' },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id: contact.id, city: 'Lisbon' });
		expect(sandbox.state.contacts.get(contact.id)).toMatchObject({ city: 'Lisbon', tags: ['renewed'] });

		const deleted = await runContact(sandbox, 'delete', { contactId: byId(contact.id) });
		expect(deleted.items[0].json).toEqual({ success: true, contactId: contact.id });
		expect(sandbox.state.contacts.has(contact.id)).toBe(false);
	});

	it('upserts by phone alone onto the existing contact', async () => {
		const existing = [...sandbox.state.contacts.values()].find((c) => c.phone)!;
		const before = sandbox.state.contacts.size;
		const result = await runContact(sandbox, 'upsert', { phone: existing.phone, additionalFields: { companyName: 'Acme' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ new: false, id: existing.id, companyName: 'Acme' });
		expect(sandbox.state.contacts.size).toBe(before);
		expect(sandbox.state.contacts.get(existing.id)!.companyName).toBe('Acme');
	});

	it('searches with a query, a filter and a sort, within a limit', async () => {
		const result = await runContact(sandbox, 'search', {
			filters: JSON.stringify([{ field: 'email', operator: 'exists' }]),
			sort: { rule: [{ field: 'dateAdded', direction: 'asc' }] },
			limit: 7,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		const dates = result.items.map((i) => String(i.json.dateAdded));
		expect([...dates].sort()).toEqual(dates);
		const body = apiRequests(sandbox)[0].body as Record<string, unknown>;
		expect(body).toMatchObject({ locationId: DEMO.locationId, pageLimit: 7, page: 1 });
	});

	it('lists contacts with the deprecated endpoint', async () => {
		const result = await runContact(sandbox, 'list', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(sandbox.state.contacts.size);
		expect(apiRequests(sandbox)[0]).toMatchObject({ method: 'GET', path: '/contacts/' });
	});

	it('pairs every output item with its input item', async () => {
		const ids = [...sandbox.state.contacts.values()].slice(0, 3).map((c) => c.id);
		const result = await runContact(sandbox, 'get', { contactId: byId('={{$json.id}}') }, { inputItems: ids.map((id) => ({ json: { id } })) });
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
