// n8n's node setting "Retry On Fail" re-runs the whole node, every item, after an error. Run here
// the way n8n runs it (WorkflowExecute with retryOnFail and maxTries on the node) against the
// sandbox answering 500 after it applied a write: every record must exist exactly once.
//
// The fault hits the first two writes: try 1 fails at item 0 (applied), try 2 finds item 0's record
// and fails at item 1 (applied), try 3 answers item 0 from the journal, finds item 1's record and
// writes item 2. Three items, three writes, three records.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, privateToken } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { ok } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const RETRY = { maxTries: 3, waitBetweenTries: 1 };
const DAY = 86_400_000;

/** Runs one operation with Retry On Fail while the sandbox answers 500 after applying the next `faults` writes. */
async function runFaulted(
	resource: string,
	operation: string,
	parameters: IDataObject,
	inputItems: INodeExecutionData[],
	faults: { pathPrefix: string; count?: number; retry?: typeof RETRY },
): Promise<RunNodeResult> {
	sandbox.setFaults({ fail5xxAfterWriteNext: faults.count ?? 2, match: { method: 'POST', pathPrefix: faults.pathPrefix } });
	const result = await runNode({
		parameters: { authentication: 'privateIntegrationToken', resource, operation, ...parameters },
		credentials: privateToken(sandbox),
		inputItems,
		retry: faults.retry ?? RETRY,
	});
	sandbox.clearFaults();
	return result;
}

const writes = (pathPrefix: string) => apiRequests(sandbox).filter((r) => r.method === 'POST' && r.path.startsWith(pathPrefix));
const items = (...values: IDataObject[]) => values.map((json) => ({ json }));
const someContact = () => [...sandbox.state.contacts.values()].find((c) => c.locationId === DEMO.locationId)!;

function expectOnceEach(result: RunNodeResult, stored: string[], sent: string[], pathPrefix: string) {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(sent.length);
	expect(writes(pathPrefix).filter((r) => r.status === 500)).toHaveLength(2);
	expect(writes(pathPrefix)).toHaveLength(sent.length);
	expect([...stored].sort()).toEqual([...sent].sort());
}

describe('Retry On Fail never writes an item twice', () => {
	it('contacts: the earlier try is found by the location’s duplicate rule (email)', async () => {
		const emails = ['r1@example.com', 'r2@example.com', 'r3@example.com'];
		const result = await runFaulted('contact', 'create', { email: '={{ $json.email }}' }, items(...emails.map((email) => ({ email }))), { pathPrefix: '/contacts' });
		const stored = [...sandbox.state.contacts.values()].map((c) => c.email ?? '').filter((e) => emails.includes(e));
		expectOnceEach(result, stored, emails, '/contacts');
		expect(result.items.map((i) => i.json.email)).toEqual(emails);
	});

	it('opportunities: found by name, pipeline and contact', async () => {
		const [pipeline] = await ok('opportunity', 'listPipelines', { returnAll: true });
		const names = ['Retry deal 1', 'Retry deal 2', 'Retry deal 3'];
		const contact = someContact();
		const result = await runFaulted(
			'opportunity',
			'create',
			{ pipelineId: pipeline.id, name: '={{ $json.name }}', status: 'open', contactId: byId(contact.id) },
			items(...names.map((name) => ({ name }))),
			{ pathPrefix: '/opportunities' },
		);
		const stored = [...sandbox.state.opportunities.values()].map((o) => o.name).filter((n) => names.includes(n));
		expectOnceEach(result, stored, names, '/opportunities');
	});

	it('contact notes: found by their text among the notes created since the first try', async () => {
		const contact = someContact();
		const texts = ['Called back', 'Sent the quote', 'Booked a demo'];
		const result = await runFaulted('contactNote', 'create', { contactId: byId(contact.id), body: '={{ $json.text }}' }, items(...texts.map((text) => ({ text }))), {
			pathPrefix: `/contacts/${contact.id}/notes`,
		});
		const stored = (await ok('contactNote', 'getAll', { contactId: byId(contact.id) })).map((n) => String(n.body)).filter((b) => texts.includes(b));
		expectOnceEach(result, stored, texts, `/contacts/${contact.id}/notes`);
	});

	it('contact tasks: found by title and due date', async () => {
		const contact = someContact();
		const due = new Date(Date.now() + DAY).toISOString();
		const titles = ['Follow up 1', 'Follow up 2', 'Follow up 3'];
		const result = await runFaulted(
			'contactTask',
			'create',
			{ contactId: byId(contact.id), title: '={{ $json.title }}', dueDate: due },
			items(...titles.map((title) => ({ title }))),
			{ pathPrefix: `/contacts/${contact.id}/tasks` },
		);
		const stored = (await ok('contactTask', 'getAll', { contactId: byId(contact.id) })).map((t) => String(t.title)).filter((t) => titles.includes(t));
		expectOnceEach(result, stored, titles, `/contacts/${contact.id}/tasks`);
	});

	it('appointments: found by calendar and start time among the contact’s appointments', async () => {
		const [calendar] = await ok('calendar', 'getAll', { returnAll: true });
		const start = Date.now() + DAY;
		const slots = await ok('calendar', 'getFreeSlots', { calendarId: byId(String(calendar.id)), startDate: new Date(start).toISOString(), endDate: new Date(start + 6 * DAY).toISOString(), limit: 3 });
		const starts = slots.map((s) => String(s.slot));
		expect(starts).toHaveLength(3);
		const contact = someContact();
		const result = await runFaulted(
			'appointment',
			'create',
			{ calendarId: byId(String(calendar.id)), contactId: byId(contact.id), startTime: '={{ $json.start }}' },
			items(...starts.map((start) => ({ start }))),
			{ pathPrefix: '/calendars/events/appointments' },
		);
		const booked = await ok('contact', 'getAppointments', { contactId: byId(contact.id) });
		const stored = booked.filter((e) => starts.some((s) => Date.parse(s) === Date.parse(String(e.startTime)))).map((e) => String(e.startTime));
		expect(stored).toHaveLength(3);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(writes('/calendars/events/appointments')).toHaveLength(3);
	});

	it('appointment notes (the message-like write): found by their text', async () => {
		const [calendar] = await ok('calendar', 'getAll', { returnAll: true });
		const start = Date.now() + DAY;
		const [slot] = await ok('calendar', 'getFreeSlots', { calendarId: byId(String(calendar.id)), startDate: new Date(start).toISOString(), endDate: new Date(start + 6 * DAY).toISOString(), limit: 1 });
		const [appointment] = await ok('appointment', 'create', { calendarId: byId(String(calendar.id)), contactId: byId(someContact().id), startTime: String(slot.slot) });
		const path = `/calendars/appointments/${String(appointment.id)}/notes`;
		const texts = ['Bring X-rays', 'Parking at the back', 'Allergic to latex'];
		const result = await runFaulted('appointmentNote', 'create', { appointmentId: byId(String(appointment.id)), body: '={{ $json.text }}' }, items(...texts.map((text) => ({ text }))), { pathPrefix: path });
		const stored = (await ok('appointmentNote', 'getAll', { appointmentId: byId(String(appointment.id)), returnAll: true })).map((n) => String(n.body));
		expectOnceEach(result, stored, texts, path);
	});

	it('with 30 % of writes failing before HighLevel applies them, every item is written once', async () => {
		const contact = someContact();
		const path = `/contacts/${contact.id}/notes`;
		const texts = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
		sandbox.setFaults({ fail5xxRate: 0.3, match: { method: 'POST', pathPrefix: path } });
		const result = await runNode({
			parameters: { authentication: 'privateIntegrationToken', resource: 'contactNote', operation: 'create', contactId: byId(contact.id), body: '={{ $json.text }}' },
			credentials: privateToken(sandbox),
			inputItems: items(...texts.map((text) => ({ text }))),
			retry: { maxTries: 5, waitBetweenTries: 1 },
		});
		sandbox.clearFaults();
		expect(result.error).toBeUndefined();
		const failed = writes(path).filter((r) => r.status >= 500).length;
		process.stdout.write(`30 % 5xx: ${writes(path).length} writes, ${failed} failed, ${texts.length} notes expected\n`);
		expect(failed).toBeGreaterThan(0);
		const stored = (await ok('contactNote', 'getAll', { contactId: byId(contact.id) })).map((n) => String(n.body)).filter((b) => texts.includes(b));
		expect(stored.sort()).toEqual(texts);
	});

	it('a write HighLevel offers no way to check is not sent again; the error says why', async () => {
		const result = await runFaulted('business', 'create', { name: '={{ $json.name }}' }, items({ name: 'Once Ltd' }), { pathPrefix: '/businesses', count: 1 });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^Not sent again: an earlier try of this item may already have applied it \(HighLevel answered 500/);
		expect(result.error?.description).toMatch(/Retry On Fail/);
		expect(writes('/businesses')).toHaveLength(1);
		expect((await ok('business', 'getAll', { returnAll: true })).filter((b) => b.name === 'Once Ltd')).toHaveLength(1);
	});

	it('a write whose item carries nothing to recognise its record by is not sent again either', async () => {
		const result = await runFaulted('contact', 'create', { additionalFields: { firstName: 'Nameless' } }, items({}), { pathPrefix: '/contacts', count: 1 });
		expect(result.error?.message).toMatch(/^Not sent again/);
		expect(result.error?.description).toMatch(/email, phone/);
		expect(writes('/contacts')).toHaveLength(1);
	});

});
