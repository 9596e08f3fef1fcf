// Every trigger event through n8n-core's poll context against the sandbox: a
// manual "Fetch Test Event" run, the first poll (sets the cursor, emits nothing), then an idle
// poll that emits nothing and stays within its request budget.
import { triggerEvents } from '../../nodes/GoHighLevel/trigger/events';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { apiRequests } from './fixtures';
import { credentialFor, parametersFor, poller } from './triggerFixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 40 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('every trigger event', () => {
	it('polls reads only, each under a key of its own', () => {
		expect(triggerEvents.length).toBeGreaterThan(0);
		expect(new Set(triggerEvents.map((e) => e.key)).size).toBe(triggerEvents.length);
		for (const event of triggerEvents) expect(event.decl.method === 'GET' || event.decl.idempotent).toBe(true);
	});

	it.each(triggerEvents.map((e) => [e.key, e] as const))('%s: manual run, first poll, idle poll', async (key, event) => {
		const trigger = poller(sandbox, key, parametersFor(sandbox, key), credentialFor(sandbox, key));

		const manual = await trigger.poll('manual');
		expect(manual?.length ?? 0).toBeLessThanOrEqual(1);
		expect(trigger.staticData()).toEqual({});

		expect(await trigger.poll()).toBeNull();
		const before = apiRequests(sandbox).length;
		expect(await trigger.poll()).toBeNull();
		const idleRequests = apiRequests(sandbox).length - before;
		if (event.strategy.kind === 'ascending' || event.strategy.kind === 'newestFirst' || event.strategy.kind === 'record') {
			expect(idleRequests).toBe(1);
		} else {
			expect(idleRequests).toBeGreaterThanOrEqual(1);
		}
		expect(trigger.cursorBytes()).toBeLessThan(2048);
	});
});
