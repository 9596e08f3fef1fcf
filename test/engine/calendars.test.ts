// Calendars & Appointments: every operation through the n8n engine against the sandbox. Ids are
// discovered through the node itself, so the tests read like a workflow would.
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, runOperation } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const run = (resource: string, operation: string, parameters: IDataObject = {}) => runOperation(sandbox, resource, operation, parameters);
const ok = async (resource: string, operation: string, parameters: IDataObject = {}) => {
	const result = await run(resource, operation, parameters);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function firstCalendar(): Promise<IDataObject> {
	const calendars = await ok('calendar', 'getAll', { returnAll: true });
	expect(calendars.length).toBeGreaterThan(0);
	return calendars[0];
}

describe('Calendar Group', () => {
	it('lists, validates a slug, creates, updates, disables and deletes a group', async () => {
		const before = await ok('calendarGroup', 'getAll', { returnAll: true });
		expect(before.length).toBeGreaterThan(0);
		const [free] = await ok('calendarGroup', 'validateSlug', { slug: 'n8n-team' });
		expect(free).toMatchObject({ available: true });

		const [group] = await ok('calendarGroup', 'create', { name: 'n8n team', description: 'Built by n8n', slug: 'n8n-team' });
		expect(group).toMatchObject({ name: 'n8n team', slug: 'n8n-team' });
		const [taken] = await ok('calendarGroup', 'validateSlug', { slug: 'n8n-team' });
		expect(taken).toMatchObject({ available: false });

		const [updated] = await ok('calendarGroup', 'update', { groupId: byId(String(group.id)), name: 'n8n squad', description: 'Renamed', slug: 'n8n-squad' });
		expect(updated).toMatchObject({ name: 'n8n squad', slug: 'n8n-squad' });
		const [status] = await ok('calendarGroup', 'setStatus', { groupId: byId(String(group.id)), isActive: false });
		expect(status).toMatchObject({ success: true });
		const [deleted] = await ok('calendarGroup', 'delete', { groupId: byId(String(group.id)) });
		expect(deleted).toEqual({ success: true, groupId: group.id });
		const after = await ok('calendarGroup', 'getAll', { returnAll: true });
		expect(after.map((g) => g.id)).not.toContain(group.id);
		for (const r of apiRequests(sandbox)) expect(r.version).toBe('2021-04-15');
	});
});

describe('Calendar', () => {
	it('creates, gets, updates, lists and deletes a calendar', async () => {
		const [created] = await ok('calendar', 'create', {
			name: 'Consultations',
			additionalFields: { slotDuration: 45, slotDurationUnit: 'mins', autoConfirm: false, openHours: '[{"daysOfTheWeek":[1,2,3,4,5],"hours":[{"openHour":9,"openMinute":0,"closeHour":17,"closeMinute":0}]}]' },
		});
		expect(created).toMatchObject({ name: 'Consultations', slotDuration: 45, locationId: DEMO.locationId });
		const [got] = await ok('calendar', 'get', { calendarId: byId(String(created.id)) });
		expect(got.id).toBe(created.id);
		const [updated] = await ok('calendar', 'update', { calendarId: byId(String(created.id)), updateFields: { name: 'Long consultations', slotDuration: 60 } });
		expect(updated).toMatchObject({ name: 'Long consultations', slotDuration: 60 });
		const listed = await ok('calendar', 'getAll', { returnAll: true });
		expect(listed.map((c) => c.id)).toContain(created.id);
		const [deleted] = await ok('calendar', 'delete', { calendarId: byId(String(created.id)) });
		expect(deleted).toEqual({ success: true, calendarId: created.id });
	});

	it('returns free slots one per item or grouped by day, in epoch milliseconds on the wire', async () => {
		const calendar = await firstCalendar();
		const start = Date.now() + DAY;
		const range = { calendarId: byId(String(calendar.id)), startDate: iso(start), endDate: iso(start + 6 * DAY), returnAll: true };
		const slots = await ok('calendar', 'getFreeSlots', range);
		expect(slots.length).toBeGreaterThan(0);
		expect(slots[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), slot: expect.any(String) });
		const query = apiRequests(sandbox).at(-1)!.query as Record<string, string>;
		expect(Number(query.startDate)).toBe(Date.parse(iso(start)));

		const days = await ok('calendar', 'getFreeSlots', { ...range, groupByDay: true });
		expect(days.reduce((n, d) => n + (d.slots as string[]).length, 0)).toBe(slots.length);
	});

	it('refuses a range that ends before it starts, before sending anything', async () => {
		const result = await run('calendar', 'getFreeSlots', { calendarId: byId('abcdefghij0123456789'), startDate: iso(Date.now() + DAY), endDate: iso(Date.now()) });
		expect(result.error?.message).toMatch(/^End: must be after the start/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Appointment and Calendar Event', () => {
	it('books a free slot, which then is no longer free, and moves, reads, lists and deletes it', async () => {
		const calendar = await firstCalendar();
		const start = Date.now() + DAY;
		const range = { calendarId: byId(String(calendar.id)), startDate: iso(start), endDate: iso(start + 6 * DAY), returnAll: true };
		const [first, second] = await ok('calendar', 'getFreeSlots', range);
		const contactId = [...sandbox.state.contacts.values()][0].id;

		const [booked] = await ok('appointment', 'create', {
			calendarId: byId(String(calendar.id)),
			contactId: byId(contactId),
			startTime: String(first.slot),
			additionalFields: { title: 'Intro call', appointmentStatus: 'confirmed' },
		});
		expect(booked).toMatchObject({ calendarId: calendar.id, contactId, title: 'Intro call' });
		const slotsAfter = await ok('calendar', 'getFreeSlots', range);
		expect(slotsAfter.map((s) => s.slot)).not.toContain(first.slot);

		const clash = await run('appointment', 'create', { calendarId: byId(String(calendar.id)), contactId: byId(contactId), startTime: String(first.slot) });
		expect(clash.error?.message).toMatch(/\[4\d\d\]/);

		const [moved] = await ok('appointment', 'update', { eventId: byId(String(booked.id)), updateFields: { startTime: String(second.slot), appointmentStatus: 'showed' } });
		expect(moved).toMatchObject({ id: booked.id, appointmentStatus: 'showed' });
		const [read] = await ok('appointment', 'get', { eventId: byId(String(booked.id)) });
		expect(Date.parse(String(read.startTime))).toBe(Date.parse(String(second.slot)));

		const events = await ok('calendarEvent', 'getAll', { eventsOf: 'calendar', calendarId: byId(String(calendar.id)), startTime: iso(start), endTime: iso(start + 6 * DAY), returnAll: true });
		expect(events.map((e) => e.id)).toContain(booked.id);
		const byUser = await run('calendarEvent', 'getAll', { eventsOf: 'user', userId: DEMO.userIds[1], startTime: iso(start), endTime: iso(start + 6 * DAY), returnAll: true });
		expect(byUser.error).toBeUndefined();
		expect(apiRequests(sandbox).at(-1)!.query).toMatchObject({ userId: DEMO.userIds[1], locationId: DEMO.locationId });

		const [deleted] = await ok('calendarEvent', 'delete', { eventId: byId(String(booked.id)) });
		expect(deleted).toEqual({ success: true, eventId: booked.id });
	});

	it('blocks time, lists it, moves it and frees it', async () => {
		const calendar = await firstCalendar();
		const start = Date.now() + 2 * DAY;
		const [blocked] = await ok('calendarEvent', 'createBlockSlot', {
			calendarId: byId(String(calendar.id)),
			startTime: iso(start),
			endTime: iso(start + 3_600_000),
			additionalFields: { title: 'Lunch' },
		});
		expect(blocked).toMatchObject({ title: 'Lunch', calendarId: calendar.id });
		const [moved] = await ok('calendarEvent', 'updateBlockSlot', { eventId: byId(String(blocked.id)), calendarId: byId(String(calendar.id)), additionalFields: { title: 'Long lunch' } });
		expect(moved).toMatchObject({ id: blocked.id, title: 'Long lunch' });
		const listed = await ok('calendarEvent', 'getBlockedSlots', { eventsOf: 'calendar', calendarId: byId(String(calendar.id)), startTime: iso(start - DAY), endTime: iso(start + DAY), returnAll: true });
		expect(listed.map((e) => e.id)).toContain(blocked.id);
		await ok('calendarEvent', 'delete', { eventId: byId(String(blocked.id)) });
	});

	it('checks the appointment before sending: start before end, required contact', async () => {
		const start = Date.now() + DAY;
		const backwards = await run('appointment', 'create', { calendarId: byId('abcdefghij0123456789'), contactId: byId('abcdefghij0123456789'), startTime: iso(start), endTime: iso(start - 1000) });
		expect(backwards.error?.message).toMatch(/^End: must be after the start/);
		const noContact = await run('appointment', 'create', { calendarId: byId('abcdefghij0123456789'), contactId: byId('={{ $json.none }}'), startTime: iso(start) });
		expect(noContact.error?.message).toMatch(/^Contact: this parameter is required/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Appointment Note', () => {
	it('adds, lists with paging, updates and deletes notes of an appointment', async () => {
		const calendar = await firstCalendar();
		const start = Date.now() + DAY;
		const [slot] = await ok('calendar', 'getFreeSlots', { calendarId: byId(String(calendar.id)), startDate: iso(start), endDate: iso(start + 6 * DAY), limit: 1 });
		const [appointment] = await ok('appointment', 'create', { calendarId: byId(String(calendar.id)), contactId: byId([...sandbox.state.contacts.values()][0].id), startTime: String(slot.slot) });
		const appointmentId = byId(String(appointment.id));
		const created = [];
		for (let i = 0; i < 23; i++) created.push((await ok('appointmentNote', 'create', { appointmentId, body: `note ${i}` }))[0]);
		const all = await ok('appointmentNote', 'getAll', { appointmentId, returnAll: true });
		expect(all).toHaveLength(23);
		expect(apiRequests(sandbox).filter((r) => r.method === 'GET' && r.path.endsWith('/notes'))).toHaveLength(2);

		const [updated] = await ok('appointmentNote', 'update', { appointmentId, noteId: byId(String(created[0].id)), body: 'edited' });
		expect(updated).toMatchObject({ id: created[0].id, body: 'edited' });
		const [deleted] = await ok('appointmentNote', 'delete', { appointmentId, noteId: byId(String(created[0].id)) });
		expect(deleted).toMatchObject({ success: true });
		expect(await ok('appointmentNote', 'getAll', { appointmentId, returnAll: true })).toHaveLength(22);
	});
});

describe('Calendar Notification', () => {
	it('creates, lists, gets, updates and deletes notifications', async () => {
		const calendar = await firstCalendar();
		const calendarId = byId(String(calendar.id));
		const created = await ok('calendarNotification', 'create', {
			calendarId,
			notifications: { notification: [{ receiverType: 'contact', channel: 'email', notificationType: 'reminder', subject: 'See you soon' }] },
		});
		expect(created).toHaveLength(1);
		expect(apiRequests(sandbox).at(-1)!.body).toEqual([{ receiverType: 'contact', channel: 'email', notificationType: 'reminder', subject: 'See you soon', isActive: true }]);
		const id = String(created[0]._id ?? created[0].id);

		const listed = await ok('calendarNotification', 'getAll', { calendarId, returnAll: true });
		expect(listed.map((n) => n._id ?? n.id)).toContain(id);
		const [got] = await ok('calendarNotification', 'get', { calendarId, notificationId: byId(id) });
		expect(got).toMatchObject({ subject: 'See you soon' });
		await ok('calendarNotification', 'update', { calendarId, notificationId: byId(id), updateFields: { subject: 'Tomorrow!', additionalEmailIds: 'a@example.com, b@example.com' } });
		expect(apiRequests(sandbox).at(-1)!.body).toEqual({ subject: 'Tomorrow!', additionalEmailIds: ['a@example.com', 'b@example.com'] });
		const [deleted] = await ok('calendarNotification', 'delete', { calendarId, notificationId: byId(id) });
		expect(deleted).toMatchObject({ success: true });
		const after = await ok('calendarNotification', 'getAll', { calendarId, returnAll: true });
		expect(after.map((n) => n._id ?? n.id)).not.toContain(id);
	});
});

describe('Calendar Resource', () => {
	it('creates, lists, gets, updates and deletes a room', async () => {
		const calendar = await firstCalendar();
		const [room] = await ok('calendarResource', 'create', {
			resourceType: 'rooms',
			name: 'Room 2',
			description: 'Second floor',
			quantity: 1,
			capacity: 6,
			calendarIds: String(calendar.id),
		});
		expect(room).toMatchObject({ name: 'Room 2', capacity: 6, calendarIds: [calendar.id] });
		const id = String(room.id ?? room._id);
		const rooms = await ok('calendarResource', 'getAll', { resourceType: 'rooms', returnAll: true });
		expect(rooms.map((r) => r.id ?? r._id)).toContain(id);
		const [got] = await ok('calendarResource', 'get', { resourceType: 'rooms', resourceId: byId(id) });
		expect(got).toMatchObject({ name: 'Room 2' });
		const [updated] = await ok('calendarResource', 'update', { resourceType: 'rooms', resourceId: byId(id), updateFields: { capacity: 8 } });
		expect(updated).toMatchObject({ capacity: 8 });
		const [deleted] = await ok('calendarResource', 'delete', { resourceType: 'rooms', resourceId: byId(id) });
		expect(deleted).toEqual({ success: true, resourceType: 'rooms', id });
		const equipment = await ok('calendarResource', 'getAll', { resourceType: 'equipments', returnAll: true });
		expect(equipment.length).toBeGreaterThan(0);
	});
});

describe('paging of calendar lists', () => {
	it('returns every room and every notification across pages, each once', async () => {
		const calendar = await firstCalendar();
		const store = sandbox.state.calendarStore;
		for (let i = 0; i < 130; i++) {
			const id = `room${String(i).padStart(16, '0')}`;
			store.resources.set(id, { id, locationId: DEMO.locationId, resourceType: 'rooms', name: `Room ${i}`, description: '', quantity: 1, outOfService: 0, capacity: 2, isActive: true, calendarIds: [] });
			const nid = `ntf${String(i).padStart(21, '0')}`;
			store.notifications.set(nid, { _id: nid, calendarId: String(calendar.id), receiverType: 'contact', channel: 'email', notificationType: 'reminder', isActive: true, deleted: false });
		}
		const rooms = await ok('calendarResource', 'getAll', { resourceType: 'rooms', returnAll: true });
		expect(new Set(rooms.map((r) => r.id)).size).toBe([...store.resources.values()].filter((r) => r.resourceType === 'rooms').length);
		expect(rooms.length).toBeGreaterThan(130);
		const notifications = await ok('calendarNotification', 'getAll', { calendarId: byId(String(calendar.id)), returnAll: true });
		expect(notifications.length).toBeGreaterThanOrEqual(130);
		const pages = apiRequests(sandbox).filter((r) => r.path.startsWith('/calendars/resources/') || r.path.endsWith('/notifications'));
		expect(pages.length).toBeGreaterThanOrEqual(4);
		expect(pages.map((p) => p.query.skip)).toEqual(expect.arrayContaining(['0', '100']));
	});
});
