// Where the sandbox behaves like the real HighLevel and the spec alone would not say so (issue 14's
// fidelity fixes), and the generic engine's stateful behaviour on operations without a hand-written route.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { seedId } from '../../sandbox/generic/store';
import { call } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const contactId = () => [...sandbox.state.contacts.values()].find((c) => c.locationId === DEMO.locationId)!.id;

describe('Version header', () => {
	it.each(['2021-04-15', '2021-07-28', '2023-02-21', 'v3'])('takes %s on endpoints of any declared Version', async (version) => {
		expect((await call(sandbox, 'GET', `/contacts/${contactId()}`, { version })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/conversations/search?locationId=${DEMO.locationId}`, { version })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/businesses/?locationId=${DEMO.locationId}`, { version })).status).toBe(200);
	});

	it('answers 401 when it is missing or unknown', async () => {
		const missing = await call(sandbox, 'GET', `/contacts/${contactId()}`, { version: null });
		expect(missing).toMatchObject({ status: 401, body: { statusCode: 401, message: 'version header was not found.' } });
		const unknown = await call(sandbox, 'GET', `/contacts/${contactId()}`, { version: '2022-01-01' });
		expect(unknown).toMatchObject({ status: 401, body: { statusCode: 401, message: 'version header is invalid' } });
	});

	it('is not needed where the operation declares none, but must be a published one when sent', async () => {
		const email = [...sandbox.state.conversations.emails.keys()][0];
		expect((await call(sandbox, 'GET', `/conversations/messages/email/${email}`, { version: null })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/conversations/messages/email/${email}`, { version: 'v9' })).status).toBe(401);
	});
});

describe('query parameters the operation does not declare', () => {
	it('are refused with 422 like NestJS whitelisting, on hand-written and generic routes', async () => {
		const contact = await call(sandbox, 'GET', `/contacts/${contactId()}?locationId=${DEMO.locationId}`);
		expect(contact).toMatchObject({ status: 422, body: { statusCode: 422, message: ['property locationId should not exist'] } });
		const generic = await call(sandbox, 'GET', `/custom-menus/?locationId=${DEMO.locationId}&colour=red`, { token: DEMO.agencyPrivateToken });
		expect(generic.status).toBe(422);
		expect(generic.body.message).toContain('property colour should not exist');
	});
});

describe('GET /contacts/ without locationId', () => {
	it('answers 403 like HighLevel (its location guard runs before validation)', async () => {
		const res = await call(sandbox, 'GET', '/contacts/');
		expect(res).toMatchObject({ status: 403, body: { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' } });
	});
});

describe('answers as HighLevel sends them', () => {
	it('custom field values of contacts are strings (numbers included); the list has `count`', async () => {
		const res = await call(sandbox, 'GET', `/contacts/?locationId=${DEMO.locationId}&limit=100`);
		expect(res.status).toBe(200);
		expect(res.body.count).toBe(10);
		const values = res.body.contacts.flatMap((c: { customFields: Array<{ value: unknown }> }) => c.customFields.map((f) => f.value));
		expect(values.length).toBeGreaterThan(0);
		expect(values.every((v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))).toBe(true);
		expect(values.some((v: unknown) => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v))).toBe(true);
	});

	it('a conversation without an assignee has no assignedTo (never null)', async () => {
		const unassigned = [...sandbox.state.conversations.conversations.values()].find((c) => !c.assignedTo)!;
		expect(unassigned).toBeDefined();
		const res = await call(sandbox, 'GET', `/conversations/${unassigned.id}`, { version: '2021-04-15' });
		expect(res.status).toBe(200);
		expect('assignedTo' in res.body).toBe(false);
	});
});

describe('rate-limit headers', () => {
	it('are on every answer: 400, 401, unknown route 404, success', async () => {
		const answers = [
			await call(sandbox, 'GET', '/nothing/here'),
			await call(sandbox, 'GET', `/contacts/${contactId()}`, { token: null }),
			await call(sandbox, 'GET', `/contacts/${contactId()}`, { version: null }),
			await call(sandbox, 'POST', '/contacts/', { json: { firstName: 'No location' } }),
			await call(sandbox, 'GET', `/contacts/${contactId()}`),
		];
		expect(answers.map((a) => a.status)).toEqual([404, 401, 401, 422, 200]);
		for (const a of answers) {
			expect(a.headers.get('x-ratelimit-max')).toBe('100');
			expect(a.headers.get('x-ratelimit-remaining')).not.toBeNull();
			expect(a.headers.get('x-ratelimit-limit-daily')).not.toBeNull();
		}
		const badJson = await fetch(`${sandbox.url}/contacts/`, { method: 'POST', headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' }, body: '{' });
		expect(badJson.status).toBe(400);
		expect(badJson.headers.get('x-ratelimit-max')).toBe('100');
	});
});

describe('the generic engine', () => {
	const V = { version: '2021-07-28', token: DEMO.agencyPrivateToken };
	const L = DEMO.locationId;

	it('creates, reads, lists with paging, merges and deletes records of a resource path', async () => {
		const created = await call(sandbox, 'POST', '/custom-menus/', { ...V, json: { title: 'Dental portal', url: 'https://portal.example', icon: { name: 'tooth', fontFamily: 'fas' }, showOnCompany: true, showOnLocation: true, showToAllLocations: true, openMode: 'iframe', locations: [], userRole: 'all', allowCamera: false, allowMicrophone: false } });
		expect(created.status).toBe(201);
		const menu = created.body.customMenu;
		expect(menu.title).toBe('Dental portal');
		expect(menu.id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(typeof created.body.traceId).toBe('string');

		const read = await call(sandbox, 'GET', `/custom-menus/${menu.id}`, V);
		expect(read.status).toBe(200);
		expect(read.body.customMenu).toMatchObject({ id: menu.id, title: 'Dental portal', url: 'https://portal.example' });

		const updated = await call(sandbox, 'PUT', `/custom-menus/${menu.id}`, { ...V, json: { title: 'Patient portal' } });
		expect(updated.body.customMenu).toMatchObject({ id: menu.id, title: 'Patient portal', url: 'https://portal.example' });

		const firstPage = await call(sandbox, 'GET', '/custom-menus/?limit=1&skip=0', V);
		const secondPage = await call(sandbox, 'GET', '/custom-menus/?limit=1&skip=1', V);
		expect(firstPage.body.customMenus).toHaveLength(1);
		expect(secondPage.body.customMenus).toHaveLength(1);
		expect(firstPage.body.totalLinks).toBe(2);
		expect([firstPage.body.customMenus[0].id, secondPage.body.customMenus[0].id]).toContain(menu.id);

		expect((await call(sandbox, 'DELETE', `/custom-menus/${menu.id}`, V)).status).toBe(200);
		const gone = await call(sandbox, 'GET', `/custom-menus/${menu.id}`, V);
		expect(gone).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Custom-menu not found', error: 'Not Found' } });
	});

	it('answers 404 in HighLevel\'s format for unknown ids, and knows each collection\'s seeded record', async () => {
		expect((await call(sandbox, 'GET', `/custom-menus/${seedId('/custom-menus')}`, V)).status).toBe(200);
		const unknown = await call(sandbox, 'PUT', '/custom-menus/zzzzzzzzzzzzzzzzzzzz', { ...V, json: { title: 'x' } });
		expect(unknown.status).toBe(404);
		expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
	});

	it('validates requests like the hand-written routes (required fields, types) and checks the location', async () => {
		const bad = await call(sandbox, 'POST', `/locations/${L}/customValues`, { version: V.version, json: { value: 1 } });
		expect(bad.status).toBe(422);
		expect(bad.body.message).toEqual(expect.arrayContaining(['name should not be empty']));
		const foreign = await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}/customValues`, { version: V.version });
		expect(foreign.status).toBe(403);
	});

	it('keeps records per parent path', async () => {
		const made = await call(sandbox, 'POST', `/locations/${L}/customValues`, { version: V.version, json: { name: 'Clinic hours', value: '9-5' } });
		expect(made.status).toBe(201);
		const list = await call(sandbox, 'GET', `/locations/${L}/customValues`, { version: V.version });
		expect(list.body.customValues.map((v: { name: string }) => v.name)).toContain('Clinic hours');
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		const elsewhere = await call(sandbox, 'GET', `/locations/${DEMO.otherLocationId}/customValues`, { ...V, token: other });
		expect(elsewhere.body.customValues.map((v: { name: string }) => v.name)).not.toContain('Clinic hours');
	});

	it('changes the hand-written domains\' records it shares (PUT/DELETE a conversation)', async () => {
		const conversation = [...sandbox.state.conversations.conversations.values()][0];
		const put = await call(sandbox, 'PUT', `/conversations/${conversation.id}`, { version: '2021-04-15', json: { locationId: L, unreadCount: 0, starred: true } });
		expect(put.status).toBe(200);
		expect(sandbox.state.conversations.conversations.get(conversation.id)!.unreadCount).toBe(0);
		expect((await call(sandbox, 'DELETE', `/conversations/${conversation.id}`, { version: '2021-04-15' })).status).toBe(200);
		expect(sandbox.state.conversations.conversations.has(conversation.id)).toBe(false);
		expect((await call(sandbox, 'GET', `/conversations/${conversation.id}`, { version: '2021-04-15' })).status).toBe(404);
	});
});
