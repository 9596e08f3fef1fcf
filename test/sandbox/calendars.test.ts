// Calendars & Appointments (Version 2021-04-15): groups, calendars, free slots, events,
// appointments, blocked slots, appointment notes, notifications and resources.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { CALENDAR_DEMO } from '../../sandbox/domains/calendars/state';
import type { CallOptions } from './helpers';
import { call } from './helpers';

// Monday 2 March 2026, 08:00 in Los Angeles (PST, -08:00; DST starts on 8 March).
const NOW = Date.UTC(2026, 2, 2, 16, 0);
const DAY = 86_400_000;
const V = '2021-04-15';
const LOC = DEMO.locationId;
const [G1, G2] = CALENDAR_DEMO.groupIds;
const [C1, C2, C3] = CALENDAR_DEMO.calendarIds;
const [A1, A2, A3, A4] = CALENDAR_DEMO.appointmentIds;
const [, U1, U2] = DEMO.userIds;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 6, clock: () => NOW, rateLimit: { max: 100_000, daily: 1_000_000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const api = (method: string, path: string, json?: unknown, options: CallOptions = {}) => call(sandbox, method, path, { version: V, json, ...options });
const store = () => sandbox.state.calendarStore;
const contacts = () => [...sandbox.state.contacts.values()].filter((c) => c.locationId === LOC);
/** Local wall time in Los Angeles on a March 2026 day (before the 8th: -08:00, from the 8th: -07:00). */
const la = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour + (day >= 8 ? 7 : 8), minute);
const slotsOf = async (calendarId: string, from: number, to: number, extra = '') => {
	const res = await api('GET', `/calendars/${calendarId}/free-slots?startDate=${from}&endDate=${to}${extra}`);
	expect(res.status).toBe(200);
	const { traceId, ...days } = res.body as Record<string, { slots: string[] }> & { traceId: string };
	expect(typeof traceId).toBe('string');
	return days as Record<string, { slots: string[] }>;
};
const allSlots = (days: Record<string, { slots: string[] }>) => Object.values(days).flatMap((d) => d.slots);

describe('seed', () => {
	it('has 2 groups, 3 calendars, 4 appointments, a blocked slot, 2 notifications, a room and an equipment, relative to the clock', async () => {
		const res = await api('GET', `/calendars/?locationId=${LOC}`);
		expect(res.status).toBe(200);
		expect(res.body.calendars.map((c: { id: string }) => c.id)).toEqual([C1, C2, C3]);
		expect(store().groups.size).toBe(2);
		expect(store().calendars.get(C2)?.groupId).toBe(G1);
		// The first request moved the seed to the sandbox clock: the next weekdays are Tue 3 and Wed 4 March.
		const appointments = sandbox.state.appointments;
		expect(Date.parse(appointments.get(A1)!.startTime)).toBe(la(3, 10));
		expect(Date.parse(appointments.get(A2)!.startTime)).toBe(la(4, 14));
		expect(appointments.get(A3)!.calendarId).toBe(C2);
		expect(appointments.get(A4)!.appointmentStatus).toBe('cancelled');
		expect(Date.parse(store().blockedSlots.get(CALENDAR_DEMO.blockedSlotId)!.startTime)).toBe(la(3, 12));
		expect([...store().notifications.values()].map((n) => n.calendarId)).toEqual([C1, C1]);
		expect(store().resources.get(CALENDAR_DEMO.roomId)?.resourceType).toBe('rooms');
		expect(store().resources.get(CALENDAR_DEMO.equipmentId)?.resourceType).toBe('equipments');
	});

	it('takes any published Version and refuses other locations', async () => {
		expect((await api('GET', `/calendars/${C1}`, undefined, { version: '2021-07-28' })).status).toBe(200);
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		expect((await api('GET', `/calendars/${C1}`, undefined, { token: other })).status).toBe(403);
		const missing = await api('GET', '/calendars/unknownCalendar00001');
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Calendar not found', error: 'Not Found', traceId: expect.any(String) });
	});
});

describe('calendar groups', () => {
	it('lists, validates slugs, creates, updates, disables and deletes', async () => {
		const list = await api('GET', `/calendars/groups?locationId=${LOC}`);
		expect(list.body.groups).toEqual([
			{ id: G1, locationId: LOC, name: 'Hygiene Team', description: expect.any(String), slug: 'hygiene-team', isActive: true },
			expect.objectContaining({ id: G2, slug: 'front-desk' }),
		]);

		const slug = (s: string) => api('POST', '/calendars/groups/validate-slug', { locationId: LOC, slug: s });
		expect((await slug('hygiene-team')).body).toMatchObject({ available: false });
		expect((await slug('surgery')).body).toMatchObject({ available: true });
		expect((await slug('Not A Slug')).body).toMatchObject({ available: false });

		const created = await api('POST', '/calendars/groups', { locationId: LOC, name: 'Surgery', description: 'Oral surgery', slug: 'surgery' });
		expect(created.status).toBe(201);
		expect(created.body.group).toMatchObject({ locationId: LOC, name: 'Surgery', slug: 'surgery', isActive: true, id: expect.any(String) });
		const id = created.body.group.id as string;
		expect(store().groups.get(id)?.description).toBe('Oral surgery');
		expect((await slug('surgery')).body.available).toBe(false);
		const duplicate = await api('POST', '/calendars/groups', { locationId: LOC, name: 'Again', description: 'x', slug: 'surgery' });
		expect(duplicate.status).toBe(400);
		expect(duplicate.body.message).toMatch(/surgery/);
		expect((await api('POST', '/calendars/groups', { locationId: LOC, name: 'No', slug: 'no' })).status).toBe(422);

		const updated = await api('PUT', `/calendars/groups/${id}`, { name: 'Oral Surgery', description: 'Extractions', slug: 'oral-surgery' });
		expect(updated.status).toBe(200);
		expect(updated.body.group).toMatchObject({ id, name: 'Oral Surgery', slug: 'oral-surgery' });
		expect((await api('PUT', `/calendars/groups/${id}`, { name: 'x', description: 'x', slug: 'front-desk' })).status).toBe(400);

		const status = await api('PUT', `/calendars/groups/${id}/status`, { isActive: false });
		expect(status.body).toMatchObject({ success: true });
		expect(store().groups.get(id)?.isActive).toBe(false);

		const deleted = await api('DELETE', `/calendars/groups/${G1}`);
		expect(deleted.body).toMatchObject({ success: true });
		expect(store().groups.has(G1)).toBe(false);
		expect(store().calendars.get(C2)?.groupId).toBeUndefined();
		expect((await api('DELETE', `/calendars/groups/${G1}`)).status).toBe(404);
	});
});

describe('calendars', () => {
	it('lists with filters, gets, creates with defaults, merges updates and deletes', async () => {
		const inGroup = await api('GET', `/calendars/?locationId=${LOC}&groupId=${G1}`);
		expect(inGroup.body.calendars.map((c: { id: string }) => c.id)).toEqual([C2]);

		const got = await api('GET', `/calendars/${C1}`);
		expect(got.body.calendar).toMatchObject({
			id: C1, locationId: LOC, name: 'New Patient Consultation', slotDuration: 30, slotInterval: 30,
			openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }],
		});

		const created = await api('POST', '/calendars/', { locationId: LOC, name: 'Whitening Session', groupId: G2, slotDuration: 60, teamMembers: [{ userId: U2 }] });
		expect(created.status).toBe(200);
		const calendar = created.body.calendar;
		expect(calendar).toMatchObject({
			id: expect.any(String), locationId: LOC, name: 'Whitening Session', slug: 'whitening-session', groupId: G2, slotDuration: 60, slotInterval: 30,
			isActive: true, autoConfirm: true, eventTitle: '{{contact.name}}', openHours: [], teamMembers: [{ userId: U2 }],
		});
		expect(store().calendars.get(calendar.id)?.name).toBe('Whitening Session');
		expect((await api('POST', '/calendars/', { locationId: LOC, name: 'X', groupId: 'unknownGroup00000001' })).status).toBe(404);
		expect((await api('POST', '/calendars/', { locationId: LOC, name: 'X', teamMembers: [{ userId: 'unknownUser000000001' }] })).status).toBe(404);

		const updated = await api('PUT', `/calendars/${calendar.id}`, { name: 'Whitening', isActive: false });
		expect(updated.body.calendar).toMatchObject({ id: calendar.id, name: 'Whitening', slotDuration: 60, groupId: G2, isActive: false });
		const drafted = await api('GET', `/calendars/?locationId=${LOC}&showDrafted=false`);
		expect(drafted.body.calendars.map((c: { id: string }) => c.id)).toEqual([C1, C2, C3]);
		const all = await api('GET', `/calendars/?locationId=${LOC}`);
		expect(all.body.calendars).toHaveLength(4);

		const deleted = await api('DELETE', `/calendars/${calendar.id}`);
		expect(deleted.body).toMatchObject({ success: true });
		expect(store().calendars.has(calendar.id)).toBe(false);
		expect((await api('GET', `/calendars/${calendar.id}`)).status).toBe(404);
	});
});

describe('free slots', () => {
	it('cuts open hours into 30-minute slots in the location time zone, minus booked and blocked time', async () => {
		const days = await slotsOf(C1, la(2, 0), la(8, 23));
		// Monday to Friday only; Monday from 09:00 (the clock says 08:00).
		expect(Object.keys(days)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
		expect(days['2026-03-02'].slots).toHaveLength(16);
		expect(days['2026-03-02'].slots[0]).toBe('2026-03-02T09:00:00-08:00');
		expect(days['2026-03-02'].slots.at(-1)).toBe('2026-03-02T16:30:00-08:00');
		// Tuesday: 10:00 booked, 12:00-13:00 blocked, 15:00 booked but cancelled (still free).
		const tuesday = days['2026-03-03'].slots;
		expect(tuesday).toHaveLength(13);
		expect(tuesday).not.toContain('2026-03-03T10:00:00-08:00');
		expect(tuesday).not.toContain('2026-03-03T12:00:00-08:00');
		expect(tuesday).not.toContain('2026-03-03T12:30:00-08:00');
		expect(tuesday).toContain('2026-03-03T15:00:00-08:00');
		expect(days['2026-03-04'].slots).not.toContain('2026-03-04T14:00:00-08:00');
		// Another calendar is not affected by C1's bookings.
		expect((await slotsOf(C2, la(3, 0), la(3, 23)))['2026-03-03'].slots).toContain('2026-03-03T10:00:00-08:00');
	});

	it('answers in the requested time zone, follows DST and leaves out past slots', async () => {
		const local = allSlots(await slotsOf(C1, la(3, 0), la(3, 23)));
		const tokyo = await slotsOf(C1, la(3, 0), la(3, 23), '&timezone=Asia/Tokyo');
		// 09:00-16:30 in Los Angeles is 02:00-09:30 the next day in Tokyo.
		expect(Object.keys(tokyo)).toEqual(['2026-03-04']);
		expect(tokyo['2026-03-04'].slots[0]).toBe('2026-03-04T02:00:00+09:00');
		expect(allSlots(tokyo).map(Date.parse)).toEqual(local.map(Date.parse));

		const afterDst = await slotsOf(C1, la(9, 0), la(9, 23));
		expect(afterDst['2026-03-09'].slots[0]).toBe('2026-03-09T09:00:00-07:00');
		expect(Object.keys(await slotsOf(C1, la(2, 0) - 7 * DAY, la(2, 0)))).toEqual([]);
	});

	it('uses the calendar settings (duration, interval, open hours) and refuses bad ranges', async () => {
		await api('PUT', `/calendars/${C3}`, {
			slotDuration: 1, slotDurationUnit: 'hours', slotInterval: 90,
			openHours: [{ daysOfTheWeek: [6], hours: [{ openHour: 10, openMinute: 0, closeHour: 14, closeMinute: 0 }] }],
		});
		const days = await slotsOf(C3, la(2, 0), la(8, 23));
		expect(days).toEqual({ '2026-03-07': { slots: ['2026-03-07T10:00:00-08:00', '2026-03-07T11:30:00-08:00', '2026-03-07T13:00:00-08:00'] } });

		const backwards = await api('GET', `/calendars/${C1}/free-slots?startDate=${la(5, 0)}&endDate=${la(4, 0)}`);
		expect(backwards.status).toBe(422);
		const tooLong = await api('GET', `/calendars/${C1}/free-slots?startDate=${la(2, 0)}&endDate=${la(2, 0) + 32 * DAY}`);
		expect(tooLong.status).toBe(422);
		expect(tooLong.body.message.join(' ')).toMatch(/31 days/);
		expect((await api('GET', `/calendars/${C1}/free-slots?startDate=${la(2, 0)}&endDate=${la(3, 0)}&timezone=Mars/Olympus`)).status).toBe(422);
		expect((await api('GET', `/calendars/${C1}/free-slots?startDate=${la(2, 0)}`)).status).toBe(422);
	});
});

describe('appointments', () => {
	const book = (json: Record<string, unknown>) =>
		api('POST', '/calendars/events/appointments', { calendarId: C1, locationId: LOC, contactId: contacts()[4].id, ...json });

	it('books a free slot, which is then no longer free; a taken slot is refused unless the check is off', async () => {
		const res = await book({ startTime: '2026-03-03T09:00:00-08:00', title: 'Intro call', address: 'Room 2' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: expect.any(String), calendarId: C1, locationId: LOC, contactId: contacts()[4].id, title: 'Intro call',
			startTime: '2026-03-03T09:00:00-08:00', endTime: '2026-03-03T09:30:00-08:00', appointmentStatus: 'confirmed',
			assignedUserId: U1, address: 'Room 2', meetingLocationType: 'custom', traceId: expect.any(String),
		});
		const stored = sandbox.state.appointments.get(res.body.id)!;
		expect(stored).toMatchObject({ calendarId: C1, startTime: '2026-03-03T17:00:00.000Z', endTime: '2026-03-03T17:30:00.000Z' });
		expect(allSlots(await slotsOf(C1, la(3, 0), la(3, 23)))).not.toContain('2026-03-03T09:00:00-08:00');

		const taken = await book({ startTime: '2026-03-03T09:00:00-08:00' });
		expect(taken.status).toBe(400);
		expect(taken.body).toMatchObject({ statusCode: 400, message: 'The slot you have selected is no longer available.' });
		expect((await book({ startTime: '2026-03-03T07:00:00-08:00' })).status).toBe(400); // before opening
		expect((await book({ startTime: '2026-03-03T09:10:00-08:00' })).status).toBe(400); // not on the grid
		expect((await book({ startTime: '2026-03-02T15:00:00Z' })).status).toBe(400); // in the past

		const forced = await book({ startTime: '2026-03-03T09:00:00-08:00', endTime: '2026-03-03T10:15:00-08:00', ignoreFreeSlotValidation: true, appointmentStatus: 'new' });
		expect(forced.status).toBe(200);
		expect(forced.body).toMatchObject({ appointmentStatus: 'new', endTime: '2026-03-03T10:15:00-08:00' });
		const onC1 = [...sandbox.state.appointments.values()].filter((a) => a.calendarId === C1 && Date.parse(a.startTime) === la(3, 9));
		expect(onC1).toHaveLength(2);
	});

	it('checks the contact, calendar and times; fills title and status from the calendar', async () => {
		expect((await book({ contactId: 'unknownContact000001', startTime: '2026-03-03T09:00:00-08:00' })).status).toBe(404);
		expect((await book({ calendarId: 'unknownCalendar00001', startTime: '2026-03-03T09:00:00-08:00' })).status).toBe(404);
		expect((await book({ startTime: 'tomorrow' })).status).toBe(422);
		expect((await book({ startTime: '2026-03-03T09:00:00-08:00', endTime: '2026-03-03T08:00:00-08:00' })).status).toBe(422);

		const res = await book({ calendarId: C3, startTime: '2026-03-05T11:00:00-08:00' });
		expect(res.status).toBe(200);
		const c = contacts()[4];
		expect(res.body).toMatchObject({ title: `${c.firstName} ${c.lastName}`, appointmentStatus: 'new', assignedUserId: U2 });
	});

	it('gets, moves (same slot rule), cancels and deletes an appointment', async () => {
		const got = await api('GET', `/calendars/events/appointments/${A1}`);
		expect(got.body.event).toMatchObject({
			id: A1, calendarId: C1, locationId: LOC, contactId: contacts()[0].id, appointmentStatus: 'confirmed', assignedUserId: U1, users: [U1],
			startTime: '2026-03-03T10:00:00-08:00', endTime: '2026-03-03T10:30:00-08:00', groupId: '',
		});
		expect((await api('GET', '/calendars/events/appointments/unknownEvent00000001')).status).toBe(404);

		const clash = await api('PUT', `/calendars/events/appointments/${A1}`, { startTime: '2026-03-04T14:00:00-08:00' });
		expect(clash.status).toBe(400);
		const moved = await api('PUT', `/calendars/events/appointments/${A1}`, { startTime: '2026-03-04T15:00:00-08:00', title: 'Moved' });
		expect(moved.status).toBe(200);
		expect(moved.body).toMatchObject({ id: A1, title: 'Moved', startTime: '2026-03-04T15:00:00-08:00', endTime: '2026-03-04T15:30:00-08:00' });
		expect(sandbox.state.appointments.get(A1)?.startTime).toBe('2026-03-04T23:00:00.000Z');
		const tuesday = allSlots(await slotsOf(C1, la(3, 0), la(3, 23)));
		expect(tuesday).toContain('2026-03-03T10:00:00-08:00');

		// Only a status change: no slot check. Cancelled frees the slot.
		const cancelled = await api('PUT', `/calendars/events/appointments/${A2}`, { appointmentStatus: 'cancelled' });
		expect(cancelled.body).toMatchObject({ appointmentStatus: 'cancelled' });
		expect(allSlots(await slotsOf(C1, la(4, 0), la(4, 23)))).toContain('2026-03-04T14:00:00-08:00');

		const deleted = await api('DELETE', `/calendars/events/${A1}`);
		expect(deleted.status).toBe(201);
		expect(deleted.body).toMatchObject({ succeeded: true });
		expect(sandbox.state.appointments.has(A1)).toBe(false);
		expect(store().appointmentNotes.has(CALENDAR_DEMO.appointmentNoteId)).toBe(false);
		expect((await api('DELETE', `/calendars/events/${A1}`)).status).toBe(404);
	});
});

describe('events and blocked slots', () => {
	const range = (from: number, to: number) => `locationId=${LOC}&startTime=${from}&endTime=${to}`;
	const ids = (res: { body: { events: Array<{ id: string }> } }) => res.body.events.map((e) => e.id);

	it('lists the appointments overlapping a range, of a calendar, a user or a group', async () => {
		expect(ids(await api('GET', `/calendars/events?${range(la(3, 0), la(3, 23))}&calendarId=${C1}`))).toEqual([A1, A4]);
		expect(ids(await api('GET', `/calendars/events?${range(la(2, 0), la(6, 0))}&calendarId=${C1}`))).toEqual([A1, A4, A2]);
		expect(ids(await api('GET', `/calendars/events?${range(la(3, 10, 15), la(3, 10, 20))}&calendarId=${C1}`))).toEqual([A1]);
		expect(ids(await api('GET', `/calendars/events?${range(la(3, 10, 30), la(3, 11))}&calendarId=${C1}`))).toEqual([]);
		expect(ids(await api('GET', `/calendars/events?${range(la(2, 0), la(6, 0))}&userId=${U2}`))).toEqual([A3]);
		const byGroup = await api('GET', `/calendars/events?${range(la(2, 0), la(6, 0))}&groupId=${G1}`);
		expect(ids(byGroup)).toEqual([A3]);
		expect(byGroup.body.events[0]).toMatchObject({ groupId: G1, calendarId: C2, startTime: '2026-03-03T11:00:00-08:00' });

		const none = await api('GET', `/calendars/events?${range(la(2, 0), la(6, 0))}`);
		expect(none.status).toBe(422);
		expect(none.body.message.join(' ')).toMatch(/calendarId.*userId.*groupId/);
		expect((await api('GET', `/calendars/events?locationId=${LOC}&calendarId=${C1}&startTime=${la(2, 0)}`)).status).toBe(422);
		expect((await api('GET', `/calendars/events?locationId=${LOC}&calendarId=${C1}&startTime=soon&endTime=later`)).status).toBe(422);
	});

	it('creates, edits, lists and deletes blocked slots, which take slots away', async () => {
		const created = await api('POST', '/calendars/events/block-slots', {
			calendarId: C1, locationId: LOC, title: 'Staff meeting', startTime: '2026-03-05T09:00:00-08:00', endTime: '2026-03-05T10:00:00-08:00',
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			id: expect.any(String), locationId: LOC, calendarId: C1, title: 'Staff meeting', startTime: '2026-03-05T09:00:00-08:00', endTime: '2026-03-05T10:00:00-08:00',
		});
		const id = created.body.id as string;
		expect(store().blockedSlots.get(id)?.startTime).toBe('2026-03-05T17:00:00.000Z');
		const thursday = allSlots(await slotsOf(C1, la(5, 0), la(5, 23)));
		expect(thursday[0]).toBe('2026-03-05T10:00:00-08:00');

		const edited = await api('PUT', `/calendars/events/block-slots/${id}`, { calendarId: C1, locationId: LOC, title: 'Long staff meeting', endTime: '2026-03-05T11:00:00-08:00' });
		expect(edited.status).toBe(201);
		expect(edited.body).toMatchObject({ id, title: 'Long staff meeting', startTime: '2026-03-05T09:00:00-08:00', endTime: '2026-03-05T11:00:00-08:00' });
		expect((await api('POST', '/calendars/events/block-slots', { calendarId: C1, locationId: LOC })).status).toBe(422);
		expect((await api('PUT', '/calendars/events/block-slots/unknownEvent00000001', { calendarId: C1, locationId: LOC })).status).toBe(404);

		const listed = await api('GET', `/calendars/blocked-slots?${range(la(2, 0), la(6, 0))}&calendarId=${C1}`);
		expect(ids(listed)).toEqual([CALENDAR_DEMO.blockedSlotId, id]);
		expect(ids(await api('GET', `/calendars/blocked-slots?${range(la(5, 0), la(6, 0))}&userId=${U1}`))).toEqual([]);
		expect((await api('GET', `/calendars/blocked-slots?${range(la(5, 0), la(6, 0))}`)).status).toBe(422);

		expect((await api('DELETE', `/calendars/events/${id}`)).body).toMatchObject({ succeeded: true });
		expect(store().blockedSlots.has(id)).toBe(false);
		expect(allSlots(await slotsOf(C1, la(5, 0), la(5, 23)))[0]).toBe('2026-03-05T09:00:00-08:00');
	});
});

describe('appointment notes', () => {
	it('adds, pages (limit at most 20, hasMore), updates and deletes notes', async () => {
		const created: string[] = [];
		for (let i = 0; i < 22; i++) {
			const res = await api('POST', `/calendars/appointments/${A2}/notes`, { body: `note ${i}`, ...(i === 0 ? { userId: U1 } : {}) });
			expect(res.status).toBe(201);
			created.push(res.body.note.id);
		}
		const first = await api('GET', `/calendars/appointments/${A2}/notes?limit=20&offset=0`);
		expect(first.body.notes).toHaveLength(20);
		expect(first.body.hasMore).toBe(true);
		expect(first.body.notes[0]).toMatchObject({ id: created[21], body: 'note 21', contactId: sandbox.state.appointments.get(A2)!.contactId, dateAdded: new Date(NOW).toISOString() });
		const second = await api('GET', `/calendars/appointments/${A2}/notes?limit=20&offset=20`);
		expect(second.body.notes.map((n: { id: string }) => n.id)).toEqual([created[1], created[0]]);
		expect(second.body.notes[1]).toMatchObject({ userId: U1, createdBy: { id: U1, name: 'Priya Natarajan' } });
		expect(second.body.hasMore).toBe(false);
		expect((await api('GET', `/calendars/appointments/${A2}/notes?limit=21&offset=0`)).status).toBe(422);
		expect((await api('GET', `/calendars/appointments/${A1}/notes?limit=20&offset=0`)).body.notes).toHaveLength(1);

		const updated = await api('PUT', `/calendars/appointments/${A2}/notes/${created[0]}`, { body: 'edited' });
		expect(updated.body.note).toMatchObject({ id: created[0], body: 'edited' });
		expect(store().appointmentNotes.get(created[0])?.body).toBe('edited');
		expect((await api('PUT', `/calendars/appointments/${A1}/notes/${created[0]}`, { body: 'x' })).status).toBe(404);
		expect((await api('DELETE', `/calendars/appointments/${A2}/notes/${created[0]}`)).body).toMatchObject({ success: true });
		expect(store().appointmentNotes.has(created[0])).toBe(false);
		expect((await api('GET', `/calendars/appointments/unknownEvent00000001/notes?limit=20&offset=0`)).status).toBe(404);
	});
});

describe('notifications', () => {
	it('creates from an array, lists, gets, updates and soft-deletes', async () => {
		const listed = await api('GET', `/calendars/${C1}/notifications`);
		expect(listed.body.map((n: { _id: string }) => n._id)).toEqual(CALENDAR_DEMO.notificationIds);

		const created = await api('POST', `/calendars/${C1}/notifications`, [
			{ receiverType: 'contact', channel: 'sms', notificationType: 'reminder', body: 'Tomorrow!', beforeTime: [{ timeOffset: 1, unit: 'days' }] },
			{ receiverType: 'emails', channel: 'email', notificationType: 'cancellation', additionalEmailIds: ['desk@example.com'], isActive: false },
		]);
		expect(created.status).toBe(200);
		expect(created.body).toEqual([
			expect.objectContaining({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), channel: 'sms', isActive: true, deleted: false }),
			expect.objectContaining({ notificationType: 'cancellation', isActive: false }),
		]);
		const id = created.body[0]._id as string;
		expect(store().notifications.get(id)?.calendarId).toBe(C1);
		expect((await api('POST', `/calendars/${C1}/notifications`, [{ channel: 'sms' }])).status).toBe(422);

		const got = await api('GET', `/calendars/${C1}/notifications/${id}`);
		expect(got.body).toMatchObject({ _id: id, body: 'Tomorrow!' });
		expect((await api('GET', `/calendars/${C2}/notifications/${id}`)).status).toBe(404);

		const updated = await api('PUT', `/calendars/${C1}/notifications/${id}`, { body: 'See you tomorrow' });
		expect(updated.body).toMatchObject({ message: expect.any(String) });
		expect(store().notifications.get(id)?.body).toBe('See you tomorrow');

		expect((await api('GET', `/calendars/${C1}/notifications?isActive=false`)).body).toHaveLength(1);
		expect((await api('GET', `/calendars/${C1}/notifications?limit=2&skip=1`)).body).toHaveLength(2);

		const deleted = await api('DELETE', `/calendars/${C1}/notifications/${id}`);
		expect(deleted.body).toMatchObject({ message: expect.any(String) });
		expect(store().notifications.get(id)?.deleted).toBe(true);
		const after = await api('GET', `/calendars/${C1}/notifications`);
		expect(after.body.map((n: { _id: string }) => n._id)).not.toContain(id);
		const trash = await api('GET', `/calendars/${C1}/notifications?deleted=true`);
		expect(trash.body.map((n: { _id: string }) => n._id)).toEqual([id]);
	});
});

describe('resources', () => {
	it('lists, creates, gets, updates and deletes rooms and equipments', async () => {
		const rooms = await api('GET', `/calendars/resources/rooms?locationId=${LOC}&limit=10&skip=0`);
		expect(rooms.body).toEqual([
			{ id: CALENDAR_DEMO.roomId, locationId: LOC, name: 'Treatment Room 1', description: expect.any(String), resourceType: 'rooms', isActive: true, quantity: 1, outOfService: 0, capacity: 4, calendarIds: [C1, C2] },
		]);
		const equipments = await api('GET', `/calendars/resources/equipments?locationId=${LOC}&limit=10&skip=0`);
		expect(equipments.body.map((r: { id: string }) => r.id)).toEqual([CALENDAR_DEMO.equipmentId]);
		expect((await api('GET', `/calendars/resources/chairs?locationId=${LOC}&limit=10&skip=0`)).status).toBe(422);

		const created = await api('POST', '/calendars/resources/rooms', {
			locationId: LOC, name: 'Room 2', description: 'Second floor', quantity: 1, outOfService: 0, capacity: 6, calendarIds: [C3],
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ id: expect.any(String), name: 'Room 2', resourceType: 'rooms', capacity: 6, calendarIds: [C3], isActive: true });
		const id = created.body.id as string;
		expect(store().resources.get(id)?.name).toBe('Room 2');
		const badCalendar = await api('POST', '/calendars/resources/rooms', {
			locationId: LOC, name: 'Room 3', description: 'Third floor', quantity: 1, outOfService: 0, capacity: 6, calendarIds: ['unknownCalendar00001'],
		});
		expect(badCalendar.status).toBe(404);

		expect((await api('GET', `/calendars/resources/rooms/${id}`)).body).toMatchObject({ id, name: 'Room 2' });
		expect((await api('GET', `/calendars/resources/equipments/${id}`)).status).toBe(404);
		const updated = await api('PUT', `/calendars/resources/rooms/${id}`, { capacity: 8, isActive: false });
		expect(updated.body).toMatchObject({ id, capacity: 8, isActive: false, name: 'Room 2' });
		expect((await api('GET', `/calendars/resources/rooms?locationId=${LOC}&limit=1&skip=1`)).body.map((r: { id: string }) => r.id)).toEqual([id]);

		expect((await api('DELETE', `/calendars/resources/rooms/${id}`)).body).toMatchObject({ success: true });
		expect(store().resources.has(id)).toBe(false);
	});
});
