// The rest of the Contacts catalog: tags, bulk tags, campaigns, find, duplicates, business contacts,
// appointments, and custom fields by name in both directions.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, runContact } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const contacts = () => [...sandbox.state.contacts.values()];
const contact = (id: string) => sandbox.state.contacts.get(id)!;

describe('tags', () => {
	it('adds and removes tags without touching the others', async () => {
		const target = contacts().find((c) => (c.tags ?? []).length > 0)!;
		const before = [...target.tags];
		const added = await runContact(sandbox, 'addTags', { contactId: byId(target.id), tags: ['Renewal', 'hot-lead'] });
		expect(added.error).toBeUndefined();
		expect(contact(target.id).tags).toEqual(expect.arrayContaining([...before, 'renewal', 'hot-lead']));
		expect(added.items[0].json.tags).toEqual(expect.arrayContaining(['renewal', 'hot-lead']));

		const removed = await runContact(sandbox, 'removeTags', { contactId: byId(target.id), tags: '={{ "renewal, hot-lead" }}' });
		expect(removed.error).toBeUndefined();
		expect(contact(target.id).tags.sort()).toEqual([...before].sort());
		expect(apiRequests(sandbox).map((r) => r.method)).toEqual(['POST', 'DELETE']);
	});

	it('bulk-adds tags to many contacts and bulk-removes every tag', async () => {
		const ids = contacts().slice(0, 3).map((c) => c.id);
		const added = await runContact(sandbox, 'bulkUpdateTags', { type: 'add', contacts: ids.join(', '), tags: ['bulk-import'] });
		expect(added.error).toBeUndefined();
		for (const id of ids) expect(contact(id).tags).toContain('bulk-import');
		expect(apiRequests(sandbox)[0]).toMatchObject({ path: '/contacts/bulk/tags/update/add', body: { contacts: ids, tags: ['bulk-import'], locationId: DEMO.locationId } });

		const cleared = await runContact(sandbox, 'bulkUpdateTags', { type: 'remove', contacts: ids.join(','), tags: ['bulk-import'], removeAllTags: true });
		expect(cleared.error).toBeUndefined();
		for (const id of ids) expect(contact(id).tags).toEqual([]);
	});

	it('names the missing contacts and tags before sending anything', async () => {
		const noContacts = await runContact(sandbox, 'bulkUpdateTags', { type: 'add', contacts: '={{ "" }}', tags: ['x'] });
		expect(noContacts.error?.message).toMatch(/^Contact IDs: this parameter is required/);
		const noTags = await runContact(sandbox, 'addTags', { contactId: byId(contacts()[0].id), tags: '={{ [] }}' });
		expect(noTags.error?.message).toMatch(/^Tag Names or IDs: this parameter is required/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('campaigns', () => {
	it('adds a contact to campaigns, removes it from one, then from all', async () => {
		const [first, second] = [...sandbox.state.campaigns.values()].filter((c) => c.locationId === DEMO.locationId);
		const id = contacts()[0].id;
		for (const campaign of [first, second]) {
			const added = await runContact(sandbox, 'addToCampaign', { contactId: byId(id), campaignId: byId(campaign.id) });
			expect(added.items[0].json).toEqual({ success: true, contactId: id, campaignId: campaign.id });
		}
		expect([...(sandbox.state.campaignEnrolments.get(id) ?? [])].sort()).toEqual([first.id, second.id].sort());

		await runContact(sandbox, 'removeFromCampaign', { contactId: byId(id), campaignId: byId(first.id) });
		expect([...(sandbox.state.campaignEnrolments.get(id) ?? [])]).toEqual([second.id]);

		const all = await runContact(sandbox, 'removeFromAllCampaigns', { contactId: byId(id) });
		expect(all.items[0].json).toEqual({ success: true, contactId: id });
		expect([...(sandbox.state.campaignEnrolments.get(id) ?? [])]).toEqual([]);
		expect(apiRequests(sandbox).at(-1)).toMatchObject({ method: 'DELETE', path: `/contacts/${id}/campaigns/removeAll` });
	});
});

describe('finding contacts', () => {
	it('finds by id, email and phone, and outputs nothing when there is no match', async () => {
		const known = contacts().find((c) => c.email && c.phone)!;
		const byIdResult = await runContact(sandbox, 'find', { findBy: 'id', contactId: byId(known.id) });
		expect(byIdResult.items.map((i) => i.json.id)).toEqual([known.id]);
		const byEmail = await runContact(sandbox, 'find', { findBy: 'email', email: known.email });
		expect(byEmail.items.map((i) => i.json.id)).toEqual([known.id]);
		const byPhone = await runContact(sandbox, 'find', { findBy: 'phone', phone: known.phone });
		expect(byPhone.items.map((i) => i.json.id)).toEqual([known.id]);

		const missingId = await runContact(sandbox, 'find', { findBy: 'id', contactId: byId('zzzzzzzzzzzzzzzzzzzz') });
		expect(missingId.error).toBeUndefined();
		expect(missingId.items).toEqual([]);
		const missingEmail = await runContact(sandbox, 'find', { findBy: 'email', email: 'nobody@nowhere.example' });
		expect(missingEmail.error).toBeUndefined();
		expect(missingEmail.items).toEqual([]);
		// No match by the duplicate rule: the exact search is the fallback.
		expect(apiRequests(sandbox).slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /contacts/search/duplicate', 'POST /contacts/search']);
	});

	it('gets the duplicate of an email, and asks for an email or phone', async () => {
		const known = contacts().find((c) => c.email)!;
		const found = await runContact(sandbox, 'getDuplicate', { email: known.email });
		expect(found.items.map((i) => i.json.id)).toEqual([known.id]);
		expect(apiRequests(sandbox)[0].query).toMatchObject({ locationId: DEMO.locationId, email: known.email });
		const none = await runContact(sandbox, 'getDuplicate', { email: 'new-person@example.com' });
		expect(none.items).toEqual([]);

		sandbox.reset();
		const neither = await runContact(sandbox, 'getDuplicate', {});
		expect(neither.error?.message).toMatch(/^Email or Phone: set at least one of "Email", "Phone"/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('related records', () => {
	it('lists the appointments of a contact', async () => {
		const appointment = [...sandbox.state.appointments.values()].find((a) => a.contactId)!;
		const result = await runContact(sandbox, 'getAppointments', { contactId: byId(appointment.contactId), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toContain(appointment.id);
	});

	it('pages through the contacts of a business with limit and skip', async () => {
		const business = [...sandbox.state.businesses.values()].find((b) => b.locationId === DEMO.locationId)!;
		sandbox.reset();
		// Give the business more contacts than one page holds.
		for (const c of [...sandbox.state.contacts.values()].slice(0, 25)) sandbox.state.contacts.set(c.id, { ...c, businessId: business.id });
		const all = await runContact(sandbox, 'getManyByBusiness', { businessId: byId(business.id), returnAll: true });
		expect(all.error).toBeUndefined();
		const expected = [...sandbox.state.contacts.values()].filter((c) => c.businessId === business.id).length;
		expect(all.items).toHaveLength(expected);
		const some = await runContact(sandbox, 'getManyByBusiness', { businessId: byId(business.id), limit: 5 });
		expect(some.items).toHaveLength(5);
		for (const r of apiRequests(sandbox)) expect(r.query).toMatchObject({ locationId: DEMO.locationId });
	});
});

describe('custom fields by name', () => {
	it('writes a value by field name and reads it back by name', async () => {
		const field = [...sandbox.state.customFields.values()].find((f) => f.model === 'contact' && f.dataType === 'TEXT')!;
		const created = await runContact(sandbox, 'create', {
			email: 'named@example.com',
			customFields: { field: [{ id: field.name, value: 'teal' }] },
			customFieldsByName: true,
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json.customFields).toEqual({ [field.name]: 'teal' });
		const id = String(created.items[0].json.id);
		expect(contact(id).customFields).toEqual(expect.arrayContaining([expect.objectContaining({ id: field.id, value: 'teal' })]));

		const read = await runContact(sandbox, 'get', { contactId: byId(id), customFieldsByName: true });
		expect(read.items[0].json.customFields).toEqual({ [field.name]: 'teal' });
		const raw = await runContact(sandbox, 'get', { contactId: byId(id) });
		expect(raw.items[0].json.customFields).toEqual([expect.objectContaining({ id: field.id, value: 'teal' })]);
	});

	it('names an unknown custom field before writing anything', async () => {
		const result = await runContact(sandbox, 'create', { email: 'x@example.com', customFields: { field: [{ id: 'No Such Field', value: '1' }] } });
		expect(result.error?.message).toMatch(/Custom Fields: no contact custom field is called "No Such Field"/);
		expect(apiRequests(sandbox).filter((r) => r.method === 'POST')).toHaveLength(0);
	});
});
