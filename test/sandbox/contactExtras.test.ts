// Contact sub-resources: tasks, notes, tags, bulk tags, campaigns, workflows, followers,
// appointments and business contacts; plus the campaign, workflow and business lists.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { DEMO_BUSINESSES, DEMO_CAMPAIGNS, DEMO_WORKFLOWS, EXTRAS_SEEDED_CONTACTS } from '../../sandbox/domains/contactExtras/state';
import { Router, loadContract } from '../../sandbox/contract';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const first = () => demoContacts(sandbox)[0];
const second = () => demoContacts(sandbox)[1];
const demoCampaigns = () => [...sandbox.state.campaigns.values()].filter((c) => c.locationId === DEMO.locationId);
const demoWorkflows = () => [...sandbox.state.workflows.values()].filter((w) => w.locationId === DEMO.locationId);
const UNKNOWN = 'zzzzzzzzzzzzzzzzzzzz';

describe('seed', () => {
	it('seeds the catalog, businesses on contacts and per-contact records deterministically', async () => {
		expect(demoCampaigns().map((c) => c.id)).toEqual(DEMO_CAMPAIGNS.filter((c) => c.locationId === DEMO.locationId).map((c) => c.id));
		expect(demoCampaigns()).toHaveLength(3);
		expect(demoWorkflows()).toHaveLength(3);
		for (const id of [DEMO.locationId, DEMO.otherLocationId]) {
			expect([...sandbox.state.businesses.values()].filter((b) => b.locationId === id)).toHaveLength(3);
		}
		const contacts = demoContacts(sandbox);
		expect(contacts.filter((c) => c.businessId)).toHaveLength(15);
		const seededIds = new Set(contacts.slice(0, EXTRAS_SEEDED_CONTACTS).map((c) => c.id));
		for (const t of sandbox.state.tasks.values()) expect(seededIds.has(t.contactId)).toBe(true);
		// Two from the contact seed (the calendar seed may book more in the same shared Map).
		const ownAppointments = [...sandbox.state.appointments.values()].filter((a) => a.contactId === first().id && !('createdBy' in a));
		expect(ownAppointments).toHaveLength(2);

		const snapshot = () => JSON.stringify([[...sandbox.state.tasks.values()], [...sandbox.state.notes.values()], [...sandbox.state.appointments.values()]]);
		const before = snapshot();
		// Reseeding the same contacts gives the same records; runtime writes are dropped.
		await call(sandbox, 'POST', `/contacts/${first().id}/tasks`, { json: { title: 'x', dueDate: '2025-01-01T00:00:00Z', completed: false } });
		await fetch(`${sandbox.url}/__sandbox/seed`, { method: 'POST', body: JSON.stringify({ contacts: 30 }) });
		expect(snapshot()).toBe(before);
	});
});

describe('admin', () => {
	it('exposes the collections under /__sandbox/state/<name>', async () => {
		const contact = first();
		const get = async (path: string) => (await fetch(`${sandbox.url}${path}`)).json();
		const tasks = await get(`/__sandbox/state/tasks?contactId=${contact.id}`);
		expect(tasks).toEqual([...sandbox.state.tasks.values()].filter((t) => t.contactId === contact.id));
		await call(sandbox, 'POST', `/contacts/${contact.id}/campaigns/${DEMO_CAMPAIGNS[0].id}`);
		expect(await get('/__sandbox/state/campaignEnrolments')).toEqual([{ contactId: contact.id, campaignId: DEMO_CAMPAIGNS[0].id }]);
		expect(await get(`/__sandbox/state/campaigns?locationId=${DEMO.otherLocationId}`)).toHaveLength(1);
		expect((await fetch(`${sandbox.url}/__sandbox/state/nothing`)).status).toBe(404);
	});
});

describe('tasks', () => {
	it('creates, reads, updates, completes and deletes a task', async () => {
		const contact = second();
		const created = await call(sandbox, 'POST', `/contacts/${contact.id}/tasks`, {
			json: { title: 'Call back', body: 'After 5pm', dueDate: '2025-07-08T17:30:00+02:00', completed: false, assignedTo: DEMO.userIds[1] },
		});
		expect(created.status).toBe(201);
		expect(created.body.traceId).toEqual(expect.any(String));
		const task = created.body.task;
		expect(task).toEqual({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), title: 'Call back', body: 'After 5pm', assignedTo: DEMO.userIds[1],
			dueDate: '2025-07-08T15:30:00.000Z', completed: false, contactId: contact.id, dateAdded: expect.any(String), dateUpdated: expect.any(String),
		});
		expect(sandbox.state.tasks.get(task.id)).toMatchObject({ contactId: contact.id, completed: false });

		const list = await call(sandbox, 'GET', `/contacts/${contact.id}/tasks`);
		expect(list.body.tasks.map((t: { id: string }) => t.id)).toContain(task.id);
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}/tasks/${task.id}`)).body.task).toEqual(task);

		const updated = await call(sandbox, 'PUT', `/contacts/${contact.id}/tasks/${task.id}`, { json: { title: 'Call back (2)', body: null } });
		expect(updated.status).toBe(200);
		expect(updated.body.task).toMatchObject({ title: 'Call back (2)', dueDate: task.dueDate });
		expect(updated.body.task.body).toBeUndefined();

		const done = await call(sandbox, 'PUT', `/contacts/${contact.id}/tasks/${task.id}/completed`, { json: { completed: true } });
		expect(done.body.task.completed).toBe(true);
		expect(sandbox.state.tasks.get(task.id)!.completed).toBe(true);
		const undone = await call(sandbox, 'PUT', `/contacts/${contact.id}/tasks/${task.id}/completed`, { json: { completed: false } });
		expect(undone.body.task.completed).toBe(false);

		const removed = await call(sandbox, 'DELETE', `/contacts/${contact.id}/tasks/${task.id}`);
		expect(removed.body).toMatchObject({ succeded: true });
		expect(sandbox.state.tasks.has(task.id)).toBe(false);
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}/tasks/${task.id}`)).status).toBe(404);
	});

	it('validates bodies and refuses ids of other contacts', async () => {
		const missing = await call(sandbox, 'POST', `/contacts/${first().id}/tasks`, { json: { title: 'x' } });
		expect(missing.status).toBe(422);
		expect(missing.body.message).toEqual(expect.arrayContaining(['dueDate should not be empty', 'completed should not be empty']));
		const badDate = await call(sandbox, 'POST', `/contacts/${first().id}/tasks`, { json: { title: 'x', dueDate: 'tomorrow', completed: false } });
		expect(badDate.body.message).toEqual(['dueDate must be a valid ISO 8601 date string']);
		expect((await call(sandbox, 'PUT', `/contacts/${first().id}/tasks/x/completed`, { json: {} })).status).toBe(422);

		const seeded = [...sandbox.state.tasks.values()].find((t) => t.contactId === first().id)!;
		const other = await call(sandbox, 'GET', `/contacts/${second().id}/tasks/${seeded.id}`);
		expect(other.status).toBe(404);
		expect(other.body).toMatchObject({ statusCode: 404, message: 'Task not found', error: 'Not Found' });
		expect((await call(sandbox, 'GET', `/contacts/${UNKNOWN}/tasks`)).body).toMatchObject({ statusCode: 404, message: 'Contact not found' });
	});
});

describe('notes', () => {
	it('runs the whole life cycle of a note', async () => {
		const contact = first();
		const seededCount = [...sandbox.state.notes.values()].filter((n) => n.contactId === contact.id).length;
		expect(seededCount).toBe(2);
		const created = await call(sandbox, 'POST', `/contacts/${contact.id}/notes`, { json: { body: 'Prefers SMS', userId: DEMO.userIds[2] } });
		expect(created.status).toBe(201);
		const note = created.body.note;
		expect(note).toMatchObject({ body: 'Prefers SMS', userId: DEMO.userIds[2], contactId: contact.id, dateAdded: expect.any(String) });

		const list = await call(sandbox, 'GET', `/contacts/${contact.id}/notes`);
		expect(list.body.notes).toHaveLength(seededCount + 1);
		expect(list.body.notes[0].id).toBe(note.id); // newest first

		const updated = await call(sandbox, 'PUT', `/contacts/${contact.id}/notes/${note.id}`, { json: { body: 'Prefers email', pinned: true } });
		expect(updated.body.note).toMatchObject({ id: note.id, body: 'Prefers email', pinned: true, userId: DEMO.userIds[2] });
		expect(sandbox.state.notes.get(note.id)!.body).toBe('Prefers email');
		expect((await call(sandbox, 'GET', `/contacts/${contact.id}/notes/${note.id}`)).body.note.body).toBe('Prefers email');

		expect((await call(sandbox, 'GET', `/contacts/${second().id}/notes/${note.id}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/contacts/${contact.id}/notes/${note.id}`)).body).toMatchObject({ succeded: true });
		expect(sandbox.state.notes.has(note.id)).toBe(false);
		const gone = await call(sandbox, 'PUT', `/contacts/${contact.id}/notes/${note.id}`, { json: { body: 'x' } });
		expect(gone.body).toMatchObject({ statusCode: 404, message: 'Note not found' });
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}/notes`, { json: { userId: 'x' } })).body.message).toEqual(['body should not be empty']);
	});

	it('drops the tasks and notes of a deleted contact', async () => {
		const contact = first();
		await call(sandbox, 'DELETE', `/contacts/${contact.id}`);
		expect([...sandbox.state.notes.values()].some((n) => n.contactId === contact.id)).toBe(false);
		expect([...sandbox.state.tasks.values()].some((t) => t.contactId === contact.id)).toBe(false);
	});
});

describe('tags', () => {
	it('adds tags keeping the others, without duplicates, and removes tags', async () => {
		const contact = first();
		sandbox.state.contacts.set(contact.id, { ...contact, tags: ['vip', 'newsletter'] });
		const added = await call(sandbox, 'POST', `/contacts/${contact.id}/tags`, { json: { tags: ['VIP', 'Brand New ', 'referral'] } });
		expect(added.status).toBe(201);
		expect(added.body.tags).toEqual(['vip', 'newsletter', 'brand new', 'referral']);
		expect(sandbox.state.contacts.get(contact.id)!.tags).toEqual(['vip', 'newsletter', 'brand new', 'referral']);
		expect([...sandbox.state.tags.values()].some((t) => t.locationId === DEMO.locationId && t.name === 'brand new')).toBe(true);

		const removed = await call(sandbox, 'DELETE', `/contacts/${contact.id}/tags`, { json: { tags: ['VIP', 'not-there'] } });
		expect(removed.status).toBe(200);
		expect(removed.body.tags).toEqual(['newsletter', 'brand new', 'referral']);
		expect(sandbox.state.contacts.get(contact.id)!.tags).toEqual(['newsletter', 'brand new', 'referral']);
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}/tags`, { json: {} })).body.message).toEqual(['tags should not be empty']);
	});

	it('adds and removes tags in bulk across contacts', async () => {
		const [a, b, c] = demoContacts(sandbox);
		for (const x of [a, b, c]) sandbox.state.contacts.set(x.id, { ...x, tags: x === a ? ['vip'] : [] });
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		const foreign = (await call(sandbox, 'POST', '/contacts/', { token: other, json: { locationId: DEMO.otherLocationId, firstName: 'F' } })).body.contact.id;

		const add = await call(sandbox, 'POST', '/contacts/bulk/tags/update/add', {
			json: { locationId: DEMO.locationId, contacts: [a.id, b.id, c.id, 'abcdef', foreign, UNKNOWN], tags: ['Promo', 'vip'] },
		});
		expect(add.status).toBe(201);
		expect(add.body).toMatchObject({ succeded: true, errorCount: 3 });
		expect(add.body.responses[0]).toEqual({ contactId: a.id, message: 'Tags updated', type: 'success', oldTags: ['vip'], tagsAdded: ['promo'], tagsRemoved: [] });
		expect(add.body.responses.slice(3)).toEqual([
			{ contactId: 'abcdef', message: 'contact id is not a valid firebase id', type: 'error' },
			{ contactId: foreign, message: 'contact does not belong to location', type: 'error' },
			{ contactId: UNKNOWN, message: 'contact not found', type: 'error' },
		]);
		expect([a, b, c].map((x) => sandbox.state.contacts.get(x.id)!.tags)).toEqual([['vip', 'promo'], ['promo', 'vip'], ['promo', 'vip']]);

		const remove = await call(sandbox, 'POST', '/contacts/bulk/tags/update/remove', { json: { locationId: DEMO.locationId, contacts: [a.id, b.id], tags: ['VIP'] } });
		expect(remove.body).toMatchObject({ succeded: true, errorCount: 0 });
		expect(remove.body.responses[1]).toMatchObject({ contactId: b.id, tagsRemoved: ['vip'], tagsAdded: [] });
		expect([a, b, c].map((x) => sandbox.state.contacts.get(x.id)!.tags)).toEqual([['promo'], ['promo'], ['promo', 'vip']]);

		const all = await call(sandbox, 'POST', '/contacts/bulk/tags/update/remove', { json: { locationId: DEMO.locationId, contacts: [c.id], tags: [], removeAllTags: true } });
		expect(all.body.responses[0].tagsRemoved).toEqual(['promo', 'vip']);
		expect(sandbox.state.contacts.get(c.id)!.tags).toEqual([]);

		const badType = await call(sandbox, 'POST', '/contacts/bulk/tags/update/replace', { json: { locationId: DEMO.locationId, contacts: [a.id], tags: ['x'] } });
		expect(badType.status).toBe(422);
		expect(badType.body.message).toEqual(['type must be one of the following values: add, remove']);
		const allWithAdd = await call(sandbox, 'POST', '/contacts/bulk/tags/update/add', { json: { locationId: DEMO.locationId, contacts: [a.id], tags: [], removeAllTags: true } });
		expect(allWithAdd.status).toBe(422);
	});
});

describe('campaigns and workflows', () => {
	it('lists campaigns (with a status filter) and workflows', async () => {
		const campaigns = await call(sandbox, 'GET', `/campaigns/?locationId=${DEMO.locationId}`);
		expect(campaigns.status).toBe(200);
		expect(campaigns.body.campaigns).toHaveLength(3);
		expect(campaigns.body.campaigns[0]).toEqual({ id: DEMO_CAMPAIGNS[0].id, name: 'New Patient Welcome', status: 'published', locationId: DEMO.locationId });
		const drafts = await call(sandbox, 'GET', `/campaigns/?locationId=${DEMO.locationId}&status=draft`);
		expect(drafts.body.campaigns.map((c: { name: string }) => c.name)).toEqual(['Holiday Promo']);
		const workflows = await call(sandbox, 'GET', `/workflows/?locationId=${DEMO.locationId}`);
		expect(workflows.body.workflows).toHaveLength(3);
		expect(workflows.body.workflows[0]).toEqual({ ...DEMO_WORKFLOWS[0] });
		expect((await call(sandbox, 'GET', '/workflows/')).status).toBe(403);
	});

	it('enrols a contact in campaigns; removeAll is not a campaign id', async () => {
		const contact = first();
		const [c1, c2] = demoCampaigns();
		const added = await call(sandbox, 'POST', `/contacts/${contact.id}/campaigns/${c1.id}`);
		expect(added.status).toBe(201);
		expect(added.body).toMatchObject({ succeded: true });
		await call(sandbox, 'POST', `/contacts/${contact.id}/campaigns/${c2.id}`, { json: {} });
		expect([...sandbox.state.campaignEnrolments.get(contact.id)!]).toEqual([c1.id, c2.id]);

		const one = await call(sandbox, 'DELETE', `/contacts/${contact.id}/campaigns/${c1.id}`);
		expect(one.status).toBe(200);
		expect([...sandbox.state.campaignEnrolments.get(contact.id)!]).toEqual([c2.id]);
		const all = await call(sandbox, 'DELETE', `/contacts/${contact.id}/campaigns/removeAll`);
		expect(all.status).toBe(200);
		expect(all.body).toMatchObject({ succeded: true });
		expect(sandbox.state.campaignEnrolments.has(contact.id)).toBe(false);
		expect(sandbox.requests.at(-1)!.path).toBe(`/contacts/${contact.id}/campaigns/removeAll`);

		const unknown = await call(sandbox, 'POST', `/contacts/${contact.id}/campaigns/${UNKNOWN}`);
		expect(unknown.body).toMatchObject({ statusCode: 404, message: 'Campaign not found', error: 'Not Found' });
		const otherLocation = DEMO_CAMPAIGNS.find((c) => c.locationId === DEMO.otherLocationId)!;
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}/campaigns/${otherLocation.id}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/contacts/${UNKNOWN}/campaigns/removeAll`)).body.message).toBe('Contact not found');
	});

	it('routes literal segments before parameters whatever the contract order', () => {
		const ops = loadContract().operations;
		for (const router of [new Router(ops), new Router([...ops].reverse())]) {
			expect(router.match('DELETE', '/contacts/abc/campaigns/removeAll')!.op.path).toBe('/contacts/{contactId}/campaigns/removeAll');
			expect(router.match('DELETE', '/contacts/abc/campaigns/removeAll')!.params).toEqual({ contactId: 'abc' });
			expect(router.match('DELETE', '/contacts/abc/campaigns/c1')!.params).toEqual({ contactId: 'abc', campaignId: 'c1' });
			expect(router.match('GET', '/contacts/business/b1')!.op.path).toBe('/contacts/business/{businessId}');
			expect(router.match('GET', '/contacts/abc/tasks')!.op.path).toBe('/contacts/{contactId}/tasks');
			expect(router.match('POST', '/contacts/bulk/tags/update/add')!.params).toEqual({ type: 'add' });
		}
	});

	it('enrols a contact in a workflow and removes it', async () => {
		const contact = first();
		const wf = demoWorkflows()[0];
		const added = await call(sandbox, 'POST', `/contacts/${contact.id}/workflow/${wf.id}`, { json: { eventStartTime: '2025-06-23T03:30:00+01:00' } });
		expect(added.status).toBe(200);
		expect(added.body).toMatchObject({ succeded: true });
		expect(sandbox.state.workflowEnrolments.get(contact.id)!.get(wf.id)).toMatchObject({ workflowId: wf.id, eventStartTime: '2025-06-23T03:30:00+01:00' });
		const removed = await call(sandbox, 'DELETE', `/contacts/${contact.id}/workflow/${wf.id}`);
		expect(removed.body).toMatchObject({ succeded: true });
		expect(sandbox.state.workflowEnrolments.has(contact.id)).toBe(false);
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}/workflow/${UNKNOWN}`)).body.message).toBe('Workflow not found');
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}/workflow/${wf.id}`, { json: { eventStartTime: 'soon' } })).status).toBe(422);
	});
});

describe('followers', () => {
	it('adds and removes followers on the contact', async () => {
		const contact = first();
		const [, u1, u2] = DEMO.userIds;
		const added = await call(sandbox, 'POST', `/contacts/${contact.id}/followers`, { json: { followers: [u1, u2, u1] } });
		expect(added.status).toBe(201);
		expect(added.body).toMatchObject({ followers: [u1, u2], followersAdded: [u1, u2] });
		const again = await call(sandbox, 'POST', `/contacts/${contact.id}/followers`, { json: { followers: [u2] } });
		expect(again.body).toMatchObject({ followers: [u1, u2], followersAdded: [] });
		expect(sandbox.state.contacts.get(contact.id)!.followers).toEqual([u1, u2]);
		const removed = await call(sandbox, 'DELETE', `/contacts/${contact.id}/followers`, { json: { followers: [u1] } });
		expect(removed.body).toMatchObject({ followers: [u2], followersRemoved: [u1] });
		expect(sandbox.state.contacts.get(contact.id)!.followers).toEqual([u2]);
	});
});

describe('appointments', () => {
	it('lists the seeded appointments of a contact', async () => {
		const contact = first();
		const res = await call(sandbox, 'GET', `/contacts/${contact.id}/appointments`);
		expect(res.status).toBe(200);
		const stored = [...sandbox.state.appointments.values()].filter((a) => a.contactId === contact.id);
		expect(stored.length).toBeGreaterThanOrEqual(2);
		expect(res.body.events.map((e: { id: string }) => e.id).sort()).toEqual(stored.map((a) => a.id).sort());
		const own = res.body.events;
		expect(own[0]).toMatchObject({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), calendarId: expect.any(String), contactId: contact.id, locationId: DEMO.locationId,
			title: expect.stringContaining(contact.firstName!), appointmentStatus: expect.any(String), startTime: expect.any(String), endTime: expect.any(String),
			assignedUserId: expect.any(String),
		});
		for (let i = 1; i < own.length; i++) expect(Date.parse(own[i - 1].startTime)).toBeLessThanOrEqual(Date.parse(own[i].startTime));
		// Contacts past the calendar seed's first four and not every third one have none.
		const none = await call(sandbox, 'GET', `/contacts/${demoContacts(sandbox)[4].id}/appointments`);
		expect(none.status).toBe(200);
		expect(none.body.events).toEqual([]);
	});
});

describe('businesses', () => {
	it('lists and gets businesses', async () => {
		const list = await call(sandbox, 'GET', `/businesses/?locationId=${DEMO.locationId}`);
		expect(list.status).toBe(200);
		expect(list.body.businesses.map((b: { id: string }) => b.id)).toEqual(DEMO_BUSINESSES.slice(0, 3).map((b) => b.id));
		expect((await call(sandbox, 'GET', `/businesses/?locationId=${DEMO.locationId}&skip=1&limit=1`)).body.businesses).toHaveLength(1);
		const one = await call(sandbox, 'GET', `/businesses/${DEMO_BUSINESSES[0].id}`);
		expect(one.body.business).toMatchObject({ id: DEMO_BUSINESSES[0].id, name: 'Acme Dental Supply', locationId: DEMO.locationId });
		expect((await call(sandbox, 'GET', `/businesses/${UNKNOWN}`)).body).toMatchObject({ statusCode: 404, message: 'Business not found' });
	});

	it('pages the contacts of a business with limit and skip', async () => {
		const biz = DEMO_BUSINESSES[0];
		const expected = demoContacts(sandbox)
			.filter((c) => c.businessId === biz.id)
			.sort((a, b) => (a.dateAdded < b.dateAdded ? 1 : -1))
			.map((c) => c.id);
		expect(expected.length).toBe(5);
		const page1 = await call(sandbox, 'GET', `/contacts/business/${biz.id}?locationId=${DEMO.locationId}&limit=2`);
		expect(page1.status).toBe(200);
		expect(page1.body.count).toBe(5);
		expect(page1.body.contacts.map((c: { id: string }) => c.id)).toEqual(expected.slice(0, 2));
		expect(page1.body.contacts[0].businessId).toBe(biz.id);
		const page3 = await call(sandbox, 'GET', `/contacts/business/${biz.id}?locationId=${DEMO.locationId}&limit=2&skip=4`);
		expect(page3.body.contacts.map((c: { id: string }) => c.id)).toEqual(expected.slice(4));
		const all = await call(sandbox, 'GET', `/contacts/business/${biz.id}?locationId=${DEMO.locationId}`);
		expect(all.body.contacts).toHaveLength(5);
		const name = sandbox.state.contacts.get(expected[0])!.email!;
		const found = await call(sandbox, 'GET', `/contacts/business/${biz.id}?locationId=${DEMO.locationId}&query=${encodeURIComponent(name)}`);
		expect(found.body.contacts.map((c: { id: string }) => c.id)).toEqual([expected[0]]);

		expect((await call(sandbox, 'GET', `/contacts/business/${UNKNOWN}?locationId=${DEMO.locationId}`)).status).toBe(404);
		expect((await call(sandbox, 'GET', `/contacts/business/${biz.id}`)).body.message).toBe('The token does not have access to this location.');
	});

	it('links contacts to a business in bulk and unlinks them with businessId null', async () => {
		const biz = DEMO_BUSINESSES[2].id;
		const ids = demoContacts(sandbox).slice(0, 2).map((c) => c.id);
		const linked = await call(sandbox, 'POST', '/contacts/bulk/business', { json: { locationId: DEMO.locationId, ids: [...ids, UNKNOWN], businessId: biz } });
		expect(linked.status).toBe(200);
		expect(linked.body).toMatchObject({ success: true, ids });
		for (const id of ids) expect(sandbox.state.contacts.get(id)!.businessId).toBe(biz);
		const unlinked = await call(sandbox, 'POST', '/contacts/bulk/business', { json: { locationId: DEMO.locationId, ids, businessId: null } });
		expect(unlinked.body).toMatchObject({ success: true, ids });
		for (const id of ids) expect(sandbox.state.contacts.get(id)!.businessId).toBeNull();
		const missing = await call(sandbox, 'POST', '/contacts/bulk/business', { json: { locationId: DEMO.locationId, ids } });
		expect(missing.body.message).toEqual(['businessId should not be empty']);
		expect((await call(sandbox, 'POST', '/contacts/bulk/business', { json: { locationId: DEMO.locationId, ids, businessId: UNKNOWN } })).status).toBe(404);
	});

	it('creates, updates and deletes a business', async () => {
		const created = await call(sandbox, 'POST', '/businesses/', { json: { name: 'Globex', locationId: DEMO.locationId, city: 'Springfield' } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ success: true, buiseness: { name: 'Globex', city: 'Springfield', locationId: DEMO.locationId } });
		const id = created.body.buiseness.id;
		const updated = await call(sandbox, 'PUT', `/businesses/${id}`, { json: { city: 'Shelbyville' } });
		expect(updated.body.buiseness).toMatchObject({ id, name: 'Globex', city: 'Shelbyville' });
		expect(sandbox.state.businesses.get(id)!.city).toBe('Shelbyville');

		const seeded = DEMO_BUSINESSES[1].id;
		expect(demoContacts(sandbox).some((c) => c.businessId === seeded)).toBe(true);
		expect((await call(sandbox, 'DELETE', `/businesses/${seeded}`)).body).toMatchObject({ success: true });
		expect(sandbox.state.businesses.has(seeded)).toBe(false);
		expect(demoContacts(sandbox).some((c) => c.businessId === seeded)).toBe(false);
	});
});
