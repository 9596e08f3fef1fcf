// HighLevel's search is eventually consistent: a record can become visible seconds after newer ones
// the trigger has already emitted. Time-ordered events re-read a late-records window on every poll
// and deduplicate inside it, so such a record is emitted exactly once, and an idle poll stays one
// request.
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { privateToken } from './fixtures';
import { poller, storedContact } from './triggerFixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 20, rateLimit: { max: 100_000, intervalMs: 1000 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ids = (items: INodeExecutionData[] | null) => (items ?? []).map((i) => String(i.json.id));
const iso = (ms: number) => new Date(ms).toISOString();
let serial = 0;
const newId = (prefix: string) => `${prefix}${String(++serial).padStart(20 - prefix.length, '0')}`;

/** Polls and counts the requests the poll sent. */
async function polled(trigger: ReturnType<typeof poller>) {
	const before = sandbox.requests.length;
	const items = await trigger.poll();
	return { ids: ids(items), requests: sandbox.requests.length - before };
}

describe.each([
	['contact:search', 'time-ordered search'],
	['contact:list', 'newest-first list'],
])('%s (%s)', (event) => {
	it('emits a record that became visible 2 s behind one already emitted, exactly once', async () => {
		const trigger = poller(sandbox, event);
		expect(await trigger.poll()).toBeNull();
		const now = Date.now() + 60_000;
		const newer = storedContact(sandbox, newId('LateNewer'), iso(now), { firstName: 'Newer' }).id;
		expect((await polled(trigger)).ids).toEqual([newer]);

		// Written before the newer one, indexed after it.
		const late = storedContact(sandbox, newId('LateOlder'), iso(now - 2_000), { firstName: 'Late' }).id;
		expect((await polled(trigger)).ids).toEqual([late]);
		expect(await polled(trigger)).toEqual({ ids: [], requests: 1 });

		// Still in order with what comes next.
		const next = storedContact(sandbox, newId('LateNext'), iso(now + 1), { firstName: 'Next' }).id;
		expect((await polled(trigger)).ids).toEqual([next]);
		expect(await polled(trigger)).toEqual({ ids: [], requests: 1 });
	});

	it('with a window of 0, a late record is not looked for (the option is honoured)', async () => {
		const trigger = poller(sandbox, event, { lateRecordsWindow: 0 });
		expect(await trigger.poll()).toBeNull();
		const now = Date.now() + 60_000;
		storedContact(sandbox, newId('ZeroNewer'), iso(now));
		expect((await polled(trigger)).ids).toHaveLength(1);
		storedContact(sandbox, newId('ZeroLate'), iso(now - 2_000));
		expect((await polled(trigger)).ids).toEqual([]);
	});
});

describe('contacts search, Emit "new or updated"', () => {
	it('emits an update that became visible behind a newer one, once', async () => {
		const trigger = poller(sandbox, 'contact:search', { emit: 'newOrUpdated' });
		expect(await trigger.poll()).toBeNull();
		const now = Date.now() + 60_000;
		const [a, b] = [...sandbox.state.contacts.values()];
		sandbox.state.contacts.set(a.id, { ...a, city: 'Faro', dateUpdated: iso(now) });
		expect((await polled(trigger)).ids).toEqual([a.id]);
		sandbox.state.contacts.set(b.id, { ...b, city: 'Porto', dateUpdated: iso(now - 3_000) });
		expect((await polled(trigger)).ids).toEqual([b.id]);
		expect(await polled(trigger)).toEqual({ ids: [], requests: 1 });
	});
});

describe('the window under load', () => {
	it('an idle poll is one request even after a burst filled the window', async () => {
		const trigger = poller(sandbox, 'contact:search');
		expect(await trigger.poll()).toBeNull();
		const now = Date.now() + 60_000;
		const burst = Array.from({ length: 250 }, (_, i) => storedContact(sandbox, newId('Burst'), iso(now + Math.floor(i / 5))).id);
		const first = await polled(trigger);
		expect(first.ids).toEqual(burst);
		for (let i = 0; i < 3; i++) expect(await polled(trigger)).toEqual({ ids: [], requests: 1 });
		expect(trigger.cursorBytes()).toBeLessThan(2048);
	});

	it('refuses a window that is not a number of seconds before sending', async () => {
		for (const lateRecordsWindow of [-1, '={{ "soon" }}', 3601]) {
			sandbox.reset();
			const trigger = poller(sandbox, 'contact:search', { lateRecordsWindow }, privateToken(sandbox));
			await expect(trigger.poll()).rejects.toThrow(NodeOperationError);
			await expect(trigger.poll()).rejects.toThrow(/^Late Records Window \(Seconds\): ".*" is not a number of seconds between 0 and 3600$/);
			expect(sandbox.requests).toHaveLength(0);
		}
	});
});
