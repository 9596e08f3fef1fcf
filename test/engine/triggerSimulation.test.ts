// Randomized, seeded simulation of the GoHighLevel Trigger's polling cursors against the sandbox:
// thousands of interleavings of create / update / delete / poll for a time-ordered event (contacts
// search, Emit "new" and "newOrUpdated"), a list without time order (tasks of a contact) and a single
// record (one contact), with many records in one millisecond, bursts across page boundaries and past
// the per-poll page cap, writes landing between two pages of one poll, deletions and a server clock
// seconds away from this machine's, and records HighLevel's search shows late (behind newer ones already
// read). Every change must be emitted exactly once.
import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { byId } from './fixtures';
import type { Poller } from './triggerFixtures';
import { poller } from './triggerFixtures';
import {
	ContactWorld,
	NewContactsOracle,
	Random,
	ServerClock,
	Tally,
	TaskWorld,
	UpdatedContactsOracle,
	checkListPoll,
	lateWindowOf,
	versionOf,
} from './triggerSimulationModel';

let sandbox: Sandbox;

/** Pages of one poll (poll.ts MAX_PAGES_PER_POLL) and records per contacts-search page. */
const PAGE_CAP = 20;
const SEARCH_PAGE = 100;
const SEARCH = '/contacts/search';
/** Another base seed: TRIGGER_SIM_SEED=<n> npx jest test/engine/triggerSimulation.test.ts */
const BASE_SEED = Number(process.env.TRIGGER_SIM_SEED ?? 0x5eed);

/**
 * Runs after the n-th contacts search request from now (of one trigger's polls, if `of` is set),
 * i.e. between two pages of a poll.
 */
let midPoll: { after: number; seen: number; of?: string; run: () => void } | undefined;
/** The trigger polling now. */
let polling: string | undefined;
let midPollWrites = 0;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30, rateLimit: { max: 1_000_000, intervalMs: 1000, daily: 100_000_000 } });
	// The request log is pushed to after a handler built its answer and before it is sent: the one
	// place where a test can change the data between two pages of a single poll.
	const log = sandbox.requests;
	const push = log.push.bind(log);
	log.push = (...entries) => {
		const n = push(...entries);
		for (const entry of entries) {
			if (midPoll && entry.path === SEARCH && (!midPoll.of || midPoll.of === polling) && ++midPoll.seen === midPoll.after) {
				const hook = midPoll;
				midPoll = undefined;
				hook.run();
			}
		}
		return n;
	};
});
afterAll(async () => await sandbox.close());

interface Run {
	interleavings: number;
	tally: Tally;
}

function report(name: string, run: Run): void {
	const t = run.tally;
	console.log(
		`trigger simulation (${name}): ${run.interleavings.toLocaleString('en-US')} interleavings, ${t.polls} polls, ` +
			`${t.emitted.toLocaleString('en-US')} items, ${t.lost} lost, ${t.duplicated} duplicated, ` +
			`largest poll ${t.maxItemsPerPoll} items, largest cursor ${t.maxCursorBytes} bytes` +
			(t.problems.length ? `\n  ${t.problems.join('\n  ')}` : ''),
	);
}

async function observedPoll(trigger: Poller, tally: Tally): Promise<{ items: INodeExecutionData[] | null; searches: number }> {
	const before = sandbox.requests.length;
	const items = await trigger.poll();
	let searches = 0;
	for (let i = before; i < sandbox.requests.length; i++) if (sandbox.requests[i].path === SEARCH) searches++;
	tally.polls++;
	tally.maxCursorBytes = Math.max(tally.maxCursorBytes, trigger.cursorBytes());
	tally.maxItemsPerPoll = Math.max(tally.maxItemsPerPoll, items?.length ?? 0);
	return { items, searches };
}

// ---------------------------------------------------------------------------------------------
// Time-ordered event: contacts search

interface ContactTallies {
	created: Tally;
	updated: Tally;
	/** Backlogs larger than one poll's page cap, and the polls they took to drain. */
	backlogs: Array<{ size: number; sameMs: boolean; polls: number }>;
	midPollHooks: number;
	/** Contacts created, and versions written, behind records the trigger had already seen. */
	lateCreates: number;
	lateUpdates: number;
}

async function contactSeed(seed: number, seedIndex: number, out: ContactTallies): Promise<number> {
	const rng = new Random(seed);
	// The API server's clock runs up to 5 s behind or ahead of this machine's.
	const clock = new ServerClock(rng.int(-5000, 5000));
	const world = new ContactWorld(sandbox, rng, clock);
	const created = new Tally();
	const updated = new Tally();
	const newOracle = new NewContactsOracle(world, created);
	const updOracle = new UpdatedContactsOracle(world, updated);

	// History before activation; sometimes more than a page of contacts share the newest millisecond.
	let t = clock.now - 600_000;
	const history = rng.int(0, 250);
	for (let i = 0; i < history; i++) {
		if (rng.chance(0.6)) t += rng.int(1, 2000);
		world.create(t);
	}
	if (rng.chance(0.3)) {
		t += 1;
		const tied = rng.int(SEARCH_PAGE, 230);
		for (let i = 0; i < tied; i++) world.create(t);
	}

	const whenNew = poller(sandbox, 'contact:search', { emit: 'new' });
	const whenUpdated = poller(sandbox, 'contact:search', { emit: 'newOrUpdated' });
	const label = (step: number | string) => `seed ${seed} step ${step}`;
	clock.polled();
	expect((await observedPoll(whenNew, created)).items).toBeNull();
	expect((await observedPoll(whenUpdated, updated)).items).toBeNull();
	world.activated = true;
	updOracle.activate();

	const randomWrites = (count: number) => {
		for (let i = 0; i < count; i++) {
			if (rng.chance(0.5)) clock.tick();
			const kind = rng.weighted({ create: 4, update: 4, remove: 1 });
			const id = world.live.pick(rng);
			if (kind === 'create' || !id) world.create();
			else if (kind === 'update') world.update(id);
			else world.remove(id);
		}
	};
	const pollBoth = async (step: number | string) => {
		clock.polled();
		newOracle.beforePoll();
		polling = 'new';
		const a = await observedPoll(whenNew, created);
		polling = 'newOrUpdated';
		newOracle.afterPoll(a.items, a.searches >= PAGE_CAP, `${label(step)} new`);
		updOracle.beforePoll();
		const b = await observedPoll(whenUpdated, updated);
		updOracle.afterPoll(b.items, b.searches >= PAGE_CAP, `${label(step)} newOrUpdated`);
		return a.searches >= PAGE_CAP || b.searches >= PAGE_CAP;
	};

	const steps = rng.int(40, 80);
	// Every sixth seed writes a backlog larger than one poll may read (20 pages of 100).
	const backlogAt = seedIndex % 6 === 5 ? rng.int(0, steps - 1) : -1;
	for (let step = 0; step < steps; step++) {
		if (step === backlogAt) {
			const size = rng.int(PAGE_CAP * SEARCH_PAGE + 100, 4500);
			const sameMs = rng.chance(0.5);
			clock.tick();
			for (let i = 0; i < size; i++) {
				if (!sameMs && rng.chance(0.3)) clock.tick();
				world.create();
			}
			let polls = 0;
			while (polls < 12) {
				polls++;
				if (!(await pollBoth(`${step} backlog`))) break;
			}
			out.backlogs.push({ size, sameMs, polls });
			continue;
		}
		const op = rng.weighted({ create: 20, burst: 7, update: 18, updateMany: 5, remove: 8, gap: 4, midPoll: 5, straddle: 3, late: 8, poll: 16 });
		switch (op) {
			case 'late': {
				// HighLevel's search shows a record late: it carries a time behind records both pollers
				// have already read, inside their late-record windows (their stated guarantee).
				const a = lateWindowOf(whenNew.cursor());
				const b = lateWindowOf(whenUpdated.cursor());
				if (!a || !b) break;
				const start = Math.max(a.start, b.start);
				const end = Math.min(a.mark, b.mark);
				if (end < start) break;
				const id = world.live.pick(rng);
				if (id && rng.chance(0.4)) {
					world.update(id, rng.int(b.start, b.mark));
					out.lateUpdates++;
				} else {
					world.create(rng.int(start, end));
					out.lateCreates++;
				}
				break;
			}
			case 'straddle': {
				// The newest millisecond straddles the end of the first page of the next poll, and writes
				// land in it (behind the page's last record or not) and after it while that poll pages.
				await pollBoth(step);
				clock.tick();
				for (let i = rng.int(20, 95); i > 0; i--) world.create();
				clock.tick();
				for (let i = rng.int(20, 95); i > 0; i--) world.create();
				midPoll = {
					after: 1,
					seen: 0,
					of: rng.chance(0.5) ? 'new' : 'newOrUpdated',
					run: () => {
						out.midPollHooks++;
						const same = rng.int(1, 10);
						const later = rng.int(1, 10);
						midPollWrites += same + later;
						for (let i = 0; i < same; i++) world.create();
						randomWrites(later);
					},
				};
				await pollBoth(step);
				break;
			}
			case 'create':
				if (rng.chance(0.5)) clock.tick();
				world.create();
				break;
			case 'burst': {
				// Across page boundaries; half of them in one millisecond.
				const size = rng.int(2, 260);
				const sameMs = rng.chance(0.5);
				if (rng.chance(0.5)) clock.tick();
				for (let i = 0; i < size; i++) {
					if (!sameMs && rng.chance(0.5)) clock.tick();
					world.create();
				}
				break;
			}
			case 'update': {
				const id = world.live.pick(rng);
				if (!id) break;
				if (rng.chance(0.6)) clock.tick();
				world.update(id);
				break;
			}
			case 'updateMany': {
				if (rng.chance(0.5)) clock.tick();
				const size = rng.int(2, 150);
				for (let i = 0; i < size; i++) {
					const id = world.live.pick(rng);
					if (id) world.update(id);
				}
				break;
			}
			case 'remove': {
				const id = world.live.pick(rng);
				if (id) world.remove(id);
				break;
			}
			case 'gap':
				clock.jump(rng.int(1, 3000));
				break;
			case 'midPoll':
				midPoll ??= {
					after: rng.int(1, 3),
					seen: 0,
					run: () => {
						out.midPollHooks++;
						const count = rng.int(1, 40);
						midPollWrites += count;
						randomWrites(count);
					},
				};
				break;
			case 'poll':
				await pollBoth(step);
				break;
		}
	}

	// Quiet period: poll until a poll is no longer cut by the page cap; nothing may be left over.
	midPoll = undefined;
	let drained = false;
	for (let i = 0; i < 12 && !drained; i++) drained = !(await pollBoth('drain'));
	if (!drained || newOracle.pending() || updOracle.pending()) {
		created.problem('lost', `${label('end')}: ${newOracle.pending()} new contacts never emitted (drained: ${drained})`);
		updated.problem('lost', `${label('end')}: ${updOracle.pending()} contact versions never emitted (drained: ${drained})`);
	}
	out.created.add(created);
	out.updated.add(updated);
	return steps;
}

// ---------------------------------------------------------------------------------------------
// List without time order: tasks of a contact

async function taskSeed(seed: number, seedIndex: number, changedTally: Tally, newTally: Tally): Promise<number> {
	const rng = new Random(seed);
	const clock = new ServerClock(rng.int(-5000, 5000));
	const world = new TaskWorld(sandbox, rng, clock);
	// Every fourth seed starts around the 350 records where the digest becomes a Bloom filter.
	const initial = seedIndex % 4 === 0 ? rng.int(330, 420) : rng.int(0, 40);
	for (let i = 0; i < initial; i++) world.create();

	const contactId = byId(world.contactId);
	const whenChanged = poller(sandbox, 'contactTask:getAll', { contactId, emit: 'newOrChanged' });
	const whenNew = poller(sandbox, 'contactTask:getAll', { contactId, emit: 'new' });
	expect((await observedPoll(whenChanged, changedTally)).items).toBeNull();
	expect((await observedPoll(whenNew, newTally)).items).toBeNull();
	let previous = world.snapshot();

	const steps = rng.int(30, 60);
	for (let step = 0; step < steps; step++) {
		const op = rng.weighted({ create: 12, createMany: 3, update: 14, updateMany: 3, noop: 4, revert: 4, remove: 7, poll: 14 });
		clock.tick();
		const id = world.live.pick(rng);
		switch (op) {
			case 'create':
				world.create();
				break;
			case 'createMany': {
				const size = rng.int(10, 60);
				for (let i = 0; i < size; i++) world.create();
				break;
			}
			case 'update':
				if (id) world.update(id);
				break;
			case 'updateMany': {
				const size = rng.int(2, 20);
				for (let i = 0; i < size; i++) {
					const target = world.live.pick(rng);
					if (target) world.update(target);
				}
				break;
			}
			case 'noop':
				// A write that changes nothing the list shows.
				if (id) world.put({ ...world.get(id)! });
				break;
			case 'revert': {
				// Changed and changed back before the next poll: nothing to emit.
				if (!id) break;
				const saved = world.get(id)!;
				world.update(id);
				world.update(id);
				world.put(saved);
				break;
			}
			case 'remove':
				if (id) world.remove(id);
				break;
			case 'poll': {
				const current = world.snapshot();
				const changed = new Set([...current].filter(([k, v]) => previous.get(k) !== v).map(([k]) => k));
				const added = new Set([...current.keys()].filter((k) => !previous.has(k)));
				const a = await observedPoll(whenChanged, changedTally);
				checkListPoll(changedTally, `seed ${seed} step ${step} newOrChanged (${current.size} tasks)`, a.items, changed);
				const b = await observedPoll(whenNew, newTally);
				checkListPoll(newTally, `seed ${seed} step ${step} new (${current.size} tasks)`, b.items, added);
				previous = current;
				break;
			}
		}
	}
	return steps;
}

// ---------------------------------------------------------------------------------------------
// Single record: one contact

async function recordSeed(seed: number, tally: Tally): Promise<number> {
	const rng = new Random(seed);
	const clock = new ServerClock(rng.int(-5000, 5000));
	const world = new ContactWorld(sandbox, rng, clock);
	for (let i = 0; i < 5; i++) world.create();
	const target = world.create();
	const contacts = sandbox.state.contacts;
	const snapshot = () => {
		const c = contacts.get(target);
		return c ? JSON.stringify(c) : 'deleted';
	};
	const trigger = poller(sandbox, 'contact:get', { contactId: byId(target) });
	expect((await observedPoll(trigger, tally)).items).toBeNull();
	let previous = snapshot();

	const steps = rng.int(30, 60);
	for (let step = 0; step < steps; step++) {
		const label = `seed ${seed} step ${step}`;
		const live = contacts.has(target);
		const op = rng.weighted({ update: 12, updateTwice: 4, other: 5, noop: 4, revert: 4, remove: live && step > steps / 2 ? 2 : 0, poll: 16 });
		if (rng.chance(0.6)) clock.tick();
		switch (op) {
			case 'update':
				world.update(target);
				break;
			case 'updateTwice':
				world.update(target);
				clock.tick();
				world.update(target);
				break;
			case 'other': {
				const other = world.live.pick(rng);
				if (other && other !== target) world.update(other);
				break;
			}
			case 'noop':
				if (live) contacts.set(target, { ...contacts.get(target)! });
				break;
			case 'revert': {
				if (!live) break;
				const saved = contacts.get(target)!;
				const savedVersion = world.version.get(target)!;
				world.update(target);
				world.update(target);
				contacts.set(target, saved);
				world.version.set(target, savedVersion);
				break;
			}
			case 'remove':
				world.remove(target);
				break;
			case 'poll': {
				const current = snapshot();
				const { items } = await observedPoll(trigger, tally);
				const json = items?.[0]?.json;
				if ((items?.length ?? 0) > 1) tally.problem('duplicated', `${label}: ${items!.length} items for one record`);
				if (current === previous) {
					if (json) tally.problem('duplicated', `${label}: emitted without a change`);
				} else if (!json) {
					tally.problem('lost', `${label}: ${current === 'deleted' ? 'deletion' : 'change'} not emitted`);
				} else {
					tally.emitted++;
					const right = current === 'deleted' ? json.deleted === true && json.contactId === target : json.id === target && versionOf(json) === world.version.get(target);
					if (!right) tally.problem('lost', `${label}: emitted ${JSON.stringify(json).slice(0, 120)} instead of the current state`);
				}
				previous = current;
				break;
			}
		}
	}
	return steps;
}

// ---------------------------------------------------------------------------------------------

describe('trigger simulation', () => {
	const totals = { interleavings: 0, lost: 0, duplicated: 0 };
	afterAll(() => {
		console.log(
			`trigger simulation: ${totals.interleavings.toLocaleString('en-US')} interleavings, ${totals.lost} lost, ${totals.duplicated} duplicated`,
		);
	});
	const add = (run: Run) => {
		totals.interleavings += run.interleavings;
		totals.lost += run.tally.lost;
		totals.duplicated += run.tally.duplicated;
	};

	it('contacts search: each new contact and each contact version once, backlogs drained over several polls', async () => {
		const out: ContactTallies = { created: new Tally(), updated: new Tally(), backlogs: [], midPollHooks: 0, lateCreates: 0, lateUpdates: 0 };
		let interleavings = 0;
		for (let i = 0; i < 24; i++) interleavings += await contactSeed(BASE_SEED + i, i, out);
		interleavings += out.midPollHooks;
		report('contacts, Emit new', { interleavings, tally: out.created });
		report('contacts, Emit newOrUpdated', { interleavings, tally: out.updated });
		console.log(
			`  ${out.lateCreates} contacts created and ${out.lateUpdates} versions written late, behind records already seen; ` +
				`${out.midPollHooks} polls had ${midPollWrites} writes land between two of their pages; backlogs: ` +
				out.backlogs.map((b) => `${b.size}${b.sameMs ? ' in one ms' : ''} → ${b.polls} polls`).join(', '),
		);
		const all = new Tally();
		all.add(out.created);
		all.add(out.updated);
		add({ interleavings, tally: all });

		expect(out.created.problems).toEqual([]);
		expect(out.updated.problems).toEqual([]);
		expect(out.backlogs.length).toBeGreaterThan(0);
		for (const backlog of out.backlogs) expect(backlog.polls).toBeGreaterThan(1);
		expect(all.maxItemsPerPoll).toBeLessThanOrEqual(PAGE_CAP * SEARCH_PAGE);
		expect(out.midPollHooks).toBeGreaterThan(20);
		expect(out.lateCreates).toBeGreaterThan(50);
		expect(out.lateUpdates).toBeGreaterThan(20);
		expect(all.maxCursorBytes).toBeLessThanOrEqual(2048);
		// Many seeds on a machine shared with other work: a generous bound, not a timing assertion.
	}, 600_000);

	it('tasks of a contact (no time order): each new or changed task once, also past the exact digest', async () => {
		const changed = new Tally();
		const created = new Tally();
		let interleavings = 0;
		for (let i = 0; i < 24; i++) interleavings += await taskSeed(BASE_SEED + 1000 + i, i, changed, created);
		report('tasks, Emit newOrChanged', { interleavings, tally: changed });
		report('tasks, Emit new', { interleavings, tally: created });
		const all = new Tally();
		all.add(changed);
		all.add(created);
		add({ interleavings, tally: all });
		expect(changed.problems).toEqual([]);
		expect(created.problems).toEqual([]);
		expect(all.maxCursorBytes).toBeLessThanOrEqual(2048);
	});

	it('one contact: each distinct change once, the deletion once', async () => {
		const tally = new Tally();
		let interleavings = 0;
		for (let i = 0; i < 30; i++) interleavings += await recordSeed(BASE_SEED + 2000 + i, tally);
		report('contact:get', { interleavings, tally });
		add({ interleavings, tally });
		expect(tally.problems).toEqual([]);
	});

	it('10,000 contacts, then a 10,000-contact import in one millisecond drained over several polls; cursors stay under 2 KB', async () => {
		const seeded = await fetch(`${sandbox.url}/__sandbox/seed`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ contacts: 10_000 }),
		});
		expect(seeded.status).toBe(200);
		const rng = new Random(BASE_SEED + 3000);
		const clock = new ServerClock(rng.int(-5000, 5000));
		const world = new ContactWorld(sandbox, rng, clock, false);
		const created = new Tally();
		const updated = new Tally();
		const newOracle = new NewContactsOracle(world, created);
		const updOracle = new UpdatedContactsOracle(world, updated);
		const whenNew = poller(sandbox, 'contact:search', { emit: 'new' });
		const whenUpdated = poller(sandbox, 'contact:search', { emit: 'newOrUpdated' });
		expect(await whenNew.poll()).toBeNull();
		expect(await whenUpdated.poll()).toBeNull();
		const afterActivation = [whenNew.cursorBytes(), whenUpdated.cursorBytes()];
		world.activated = true;
		updOracle.activate();

		clock.tick();
		for (let i = 0; i < 10_000; i++) world.create();
		for (let i = 0; i < 300; i++) {
			if (rng.chance(0.5)) clock.tick();
			const id = world.live.pick(rng)!;
			if (rng.chance(0.5)) world.create();
			else world.update(id);
		}
		let polls = 0;
		let cut = true;
		while (cut && polls < 12) {
			polls++;
			newOracle.beforePoll();
			const a = await observedPoll(whenNew, created);
			newOracle.afterPoll(a.items, a.searches >= PAGE_CAP, `import poll ${polls} new`);
			updOracle.beforePoll();
			const b = await observedPoll(whenUpdated, updated);
			updOracle.afterPoll(b.items, b.searches >= PAGE_CAP, `import poll ${polls} newOrUpdated`);
			cut = a.searches >= PAGE_CAP || b.searches >= PAGE_CAP;
		}
		expect(created.problems).toEqual([]);
		expect(updated.problems).toEqual([]);
		expect(newOracle.pending() + updOracle.pending()).toBe(0);
		expect(polls).toBeGreaterThanOrEqual(6);
		expect(Math.max(created.maxItemsPerPoll, updated.maxItemsPerPoll)).toBeLessThanOrEqual(PAGE_CAP * SEARCH_PAGE);

		// A list past the exact digest: 600 tasks (Bloom filter), 40 of them changed, 10 added.
		const tasks = new TaskWorld(sandbox, rng, clock);
		for (let i = 0; i < 600; i++) tasks.create();
		const listTally = new Tally();
		const whenTasks = poller(sandbox, 'contactTask:getAll', { contactId: byId(tasks.contactId), emit: 'newOrChanged' });
		expect((await observedPoll(whenTasks, listTally)).items).toBeNull();
		const before = tasks.snapshot();
		for (let i = 0; i < 40; i++) tasks.update(tasks.live.pick(rng)!);
		for (let i = 0; i < 10; i++) tasks.create();
		const after = tasks.snapshot();
		const changed = new Set([...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k));
		checkListPoll(listTally, 'tasks', (await observedPoll(whenTasks, listTally)).items, changed);
		expect(listTally.problems).toEqual([]);

		const contactBytes = Math.max(...afterActivation, created.maxCursorBytes, updated.maxCursorBytes);
		console.log(
			`trigger simulation, static data: contacts search over 10,000 contacts ${afterActivation.join(' / ')} bytes after activation ` +
				`(new / newOrUpdated), at most ${created.maxCursorBytes} / ${updated.maxCursorBytes} bytes while a 10,300-contact import ` +
				`(10,000 in one ms) drained over ${polls} polls; tasks list of ${after.size} (Bloom filter) ${whenTasks.cursorBytes()} bytes`,
		);
		expect(contactBytes).toBeLessThanOrEqual(2048);
		expect(whenTasks.cursorBytes()).toBeLessThanOrEqual(2048);
		sandbox.reset();
	});
});
