// Contact handlers: CRUD, duplicates, upsert, custom fields, the deprecated list cursor.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 60 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const field = (name: string) => [...sandbox.state.customFields.values()].find((f) => f.locationId === DEMO.locationId && f.name === name)!;

describe('create, get, update, delete', () => {
	it('runs the whole life cycle of a contact', async () => {
		const colour = field('Favourite Colour');
		const interests = field('Interests');
		const created = await call(sandbox, 'POST', '/contacts/', {
			json: {
				locationId: DEMO.locationId,
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				phone: '(415) 555-0100',
				tags: ['VIP', ' newsletter ', 'vip'],
				customFields: [{ id: colour.id, field_value: 'teal' }, { id: interests.id, key: 'interests', field_value: ['Implants'] }],
				source: 'sandbox test',
			},
		});
		expect(created.status).toBe(201);
		const contact = created.body.contact;
		expect(contact).toMatchObject({
			locationId: DEMO.locationId,
			firstName: 'Ada',
			email: 'ada@example.com',
			phone: '+14155550100',
			tags: ['vip', 'newsletter'],
			customFields: [{ id: colour.id, value: 'teal' }, { id: interests.id, value: ['Implants'] }],
		});
		expect(contact.id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(contact.dateAdded).toBe(contact.dateUpdated);
		expect(sandbox.state.contacts.get(contact.id)).toMatchObject({ email: 'ada@example.com' });
		expect(sandbox.state.tags.size).toBeGreaterThan(0);

		const got = await call(sandbox, 'GET', `/contacts/${contact.id}`);
		expect(got.status).toBe(200);
		expect(got.body.contact).toEqual(contact);

		const updated = await call(sandbox, 'PUT', `/contacts/${contact.id}`, {
			json: { city: 'Lisbon', lastName: null, customFields: [{ id: colour.id, field_value: 'amber' }] },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.succeded).toBe(true);
		expect(updated.body.contact).toMatchObject({ id: contact.id, city: 'Lisbon', firstName: 'Ada', tags: ['vip', 'newsletter'] });
		expect(updated.body.contact.lastName).toBeUndefined();
		// Custom fields merge by id: the colour changed, the interests stayed.
		expect(updated.body.contact.customFields).toEqual([{ id: colour.id, value: 'amber' }, { id: interests.id, value: ['Implants'] }]);

		const deleted = await call(sandbox, 'DELETE', `/contacts/${contact.id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({ succeded: true });
		expect(sandbox.state.contacts.has(contact.id)).toBe(false);
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/contacts/${contact.id}`)).status).toBe(404);
	});

	it('refuses a duplicate email or phone where the location does not allow duplicates', async () => {
		const existing = demoContacts(sandbox).find((c) => c.email && c.phone)!;
		const byEmail = await call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.locationId, email: existing.email!.toUpperCase() } });
		expect(byEmail.status).toBe(400);
		expect(byEmail.body).toMatchObject({
			statusCode: 400,
			message: 'This location does not allow duplicated contacts.',
			meta: { contactId: existing.id, matchingField: 'email', contactName: `${existing.firstName} ${existing.lastName}` },
		});
		const byPhone = await call(sandbox, 'POST', '/contacts/', { json: { locationId: DEMO.locationId, phone: existing.phone!.slice(2) } });
		expect(byPhone.status).toBe(400);
		expect(byPhone.body.meta).toMatchObject({ contactId: existing.id, matchingField: 'phone' });
		const other = demoContacts(sandbox).find((c) => c.email && c.id !== existing.id)!;
		const update = await call(sandbox, 'PUT', `/contacts/${other.id}`, { json: { email: existing.email } });
		expect(update.status).toBe(400);
		expect(demoContacts(sandbox)).toHaveLength(60);
	});

	it('allows duplicates where the location setting allows them', async () => {
		const token = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		const body = { locationId: DEMO.otherLocationId, email: 'twin@example.com' };
		expect((await call(sandbox, 'POST', '/contacts/', { token, json: body })).status).toBe(201);
		expect((await call(sandbox, 'POST', '/contacts/', { token, json: body })).status).toBe(201);
	});
});

describe('upsert', () => {
	it('updates the existing contact when only the phone matches', async () => {
		const existing = demoContacts(sandbox).find((c) => c.phone)!;
		const before = sandbox.state.contacts.size;
		const res = await call(sandbox, 'POST', '/contacts/upsert', { json: { locationId: DEMO.locationId, phone: existing.phone, companyName: 'Acme' } });
		expect(res.status).toBe(200);
		expect(res.body.new).toBe(false);
		expect(res.body.contact).toMatchObject({ id: existing.id, companyName: 'Acme', email: existing.email });
		expect(typeof res.body.traceId).toBe('string');
		expect(sandbox.state.contacts.size).toBe(before);
		expect(sandbox.state.contacts.get(existing.id)!.companyName).toBe('Acme');
	});

	it('matches by email before phone and creates when nothing matches', async () => {
		const [a, b] = demoContacts(sandbox).filter((c) => c.email && c.phone);
		const res = await call(sandbox, 'POST', '/contacts/upsert', { json: { locationId: DEMO.locationId, email: a.email, phone: b.phone, city: 'Oslo' } });
		expect(res.body).toMatchObject({ new: false, contact: { id: a.id, city: 'Oslo' } });
		const created = await call(sandbox, 'POST', '/contacts/upsert', { json: { locationId: DEMO.locationId, email: 'brand-new@example.com' } });
		expect(created.status).toBe(200);
		expect(created.body.new).toBe(true);
		expect(sandbox.state.contacts.get(created.body.contact.id)).toBeDefined();
	});
});

describe('duplicate lookup', () => {
	it('finds by email or number and answers null otherwise', async () => {
		const existing = demoContacts(sandbox).find((c) => c.email && c.phone)!;
		const byNumber = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${DEMO.locationId}&number=${encodeURIComponent(existing.phone!)}`);
		expect(byNumber.body.contact.id).toBe(existing.id);
		// An unencoded "+" arrives as a space; the number still matches.
		const rawPlus = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${DEMO.locationId}&number=${existing.phone}`);
		expect(rawPlus.body.contact.id).toBe(existing.id);
		const none = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${DEMO.locationId}&email=nobody@example.com`);
		expect(none.status).toBe(200);
		expect(none.body.contact).toBeNull();
		const neither = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${DEMO.locationId}`);
		expect(neither.status).toBe(400);
	});
});

describe('deprecated list', () => {
	it('pages newest first with the startAfter/startAfterId cursor, each contact once', async () => {
		const seen: string[] = [];
		let path = `/contacts/?locationId=${DEMO.locationId}&limit=25`;
		const pages: any[] = [];
		for (let i = 0; i < 10; i++) {
			const res = await call(sandbox, 'GET', path);
			expect(res.status).toBe(200);
			pages.push(res.body.meta);
			seen.push(...res.body.contacts.map((c: { id: string }) => c.id));
			if (!res.body.meta.startAfterId) break;
			path = `/contacts/?locationId=${DEMO.locationId}&limit=25&startAfter=${res.body.meta.startAfter}&startAfterId=${res.body.meta.startAfterId}`;
		}
		expect(seen).toHaveLength(60);
		expect(new Set(seen).size).toBe(60);
		expect(pages.map((m) => [m.currentPage, m.nextPage, m.prevPage])).toEqual([
			[1, 2, null],
			[2, 3, 1],
			[3, null, 2],
		]);
		expect(pages[0].total).toBe(60);
		expect(pages[0].nextPageUrl).toContain(`${sandbox.url}/contacts/?locationId=${DEMO.locationId}`);
		expect(pages[2].nextPageUrl).toBeNull();
		const dates = seen.map((id) => sandbox.state.contacts.get(id)!.dateAdded);
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('filters with query and refuses a limit above 100', async () => {
		const someone = demoContacts(sandbox)[3];
		const res = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&query=${encodeURIComponent(someone.email!)}`);
		expect(res.body.contacts.map((c: { id: string }) => c.id)).toEqual([someone.id]);
		expect(res.body.meta.total).toBe(1);
		const tooMany = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&limit=101`);
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.message).toEqual(['limit must not be greater than 100']);
	});
});
