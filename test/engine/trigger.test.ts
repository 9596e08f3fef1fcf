// The GoHighLevel Trigger through n8n-core's poll context against the sandbox: each change once,
// idle polls cheap, cursors small, manual runs never move the cursor.
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { apiRequests, byId, runContact } from './fixtures';
import { operations } from './helpers';
import { poller } from './triggerFixtures';

let sandbox: Sandbox;
const { ok } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 40, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ids = (items: Array<{ json: { id?: unknown } }> | null) => (items ?? []).map((i) => i.json.id);

describe('time-ordered event: contacts search', () => {
	it('sets the cursor silently, then emits each new contact once; an idle poll costs one request', async () => {
		const trigger = poller(sandbox, 'contact:search');
		expect(await trigger.poll()).toBeNull();
		sandbox.reset();
		expect(await trigger.poll()).toBeNull();
		expect(apiRequests(sandbox)).toHaveLength(1);

		const [created] = (await runContact(sandbox, 'create', { email: 'fresh@example.com' })).items;
		const emitted = await trigger.poll();
		expect(ids(emitted)).toEqual([created.json.id]);
		expect(await trigger.poll()).toBeNull();
		expect(trigger.cursorBytes()).toBeLessThan(2048);
	});

	it('with "new or updated", emits an updated contact once per update', async () => {
		const trigger = poller(sandbox, 'contact:search', { emit: 'newOrUpdated' });
		await trigger.poll();
		const target = [...sandbox.state.contacts.values()][5];
		await new Promise((r) => setTimeout(r, 5));
		await runContact(sandbox, 'update', { contactId: byId(target.id), updateFields: { city: 'Faro' } });
		expect(ids(await trigger.poll())).toEqual([target.id]);
		expect(await trigger.poll()).toBeNull();
	});

	it('returns the latest contact in manual mode without moving the cursor', async () => {
		const trigger = poller(sandbox, 'contact:search');
		await trigger.poll();
		const before = JSON.stringify(trigger.staticData());
		const manual = await trigger.poll('manual');
		expect(manual).toHaveLength(1);
		expect(JSON.stringify(trigger.staticData())).toBe(before);
	});
});

describe('newest-first event: opportunities', () => {
	it('emits a created opportunity once; an idle poll costs one request', async () => {
		const trigger = poller(sandbox, 'opportunity:search');
		expect(await trigger.poll()).toBeNull();
		sandbox.reset();
		expect(await trigger.poll()).toBeNull();
		expect(apiRequests(sandbox)).toHaveLength(1);
		const [pipeline] = await ok('opportunity', 'listPipelines', { returnAll: true });
		const [created] = await ok('opportunity', 'create', {
			pipelineId: String(pipeline.id),
			name: 'From trigger test',
			status: 'open',
			contactId: byId([...sandbox.state.contacts.values()][0].id),
		});
		expect(ids(await trigger.poll())).toEqual([created.id]);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('list event without time order: calendars', () => {
	it('emits a new calendar and a changed calendar once each', async () => {
		const trigger = poller(sandbox, 'calendar:getAll');
		expect(await trigger.poll()).toBeNull();
		const [calendar] = await ok('calendar', 'create', { name: 'Trigger test' });
		expect(ids(await trigger.poll())).toEqual([calendar.id]);
		expect(await trigger.poll()).toBeNull();
		await ok('calendar', 'update', { calendarId: byId(String(calendar.id)), updateFields: { name: 'Renamed' } });
		expect(ids(await trigger.poll())).toEqual([calendar.id]);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('single-record event: contact', () => {
	it('emits a change once, then one deleted item when the contact disappears', async () => {
		const target = [...sandbox.state.contacts.values()][3];
		const trigger = poller(sandbox, 'contact:get', { contactId: byId(target.id) });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		await runContact(sandbox, 'update', { contactId: byId(target.id), updateFields: { city: 'Braga' } });
		const changed = await trigger.poll();
		expect(changed?.[0].json).toMatchObject({ id: target.id, city: 'Braga' });
		expect(await trigger.poll()).toBeNull();
		await runContact(sandbox, 'delete', { contactId: byId(target.id) });
		expect((await trigger.poll())?.[0].json).toEqual({ deleted: true, contactId: target.id });
		expect(await trigger.poll()).toBeNull();
	});
});
