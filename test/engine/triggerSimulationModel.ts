// The world model and the oracles of the trigger simulation (triggerSimulation.test.ts): a seeded
// PRNG, a server clock, records written straight into the sandbox state with the sandbox's own
// field formats, and per-event bookkeeping of what must be emitted and what was.
import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox, Task } from '../../sandbox';
import { DEMO } from '../../sandbox';
import { storedContact } from './triggerFixtures';

/** mulberry32: small, fast, seedable. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Random {
	private readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	float(): number {
		return this.next();
	}
	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	/** One key of `weights`, drawn in proportion to its weight. */
	weighted<K extends string>(weights: Record<K, number>): K {
		const entries = Object.entries(weights) as Array<[K, number]>;
		let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
		for (const [key, w] of entries) {
			r -= w;
			if (r < 0) return key;
		}
		return entries[entries.length - 1][0];
	}
	/** A 20-character alphanumeric id like the sandbox's (random order: ties are broken by id). */
	id(): string {
		const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		let out = '';
		for (let i = 0; i < 20; i++) out += chars[Math.floor(this.next() * 62)];
		return out;
	}
}

/** Writes into one millisecond after a poll read it, at most (see ServerClock.stamp). */
export const LIVE_GROUP_LIMIT = 100;

/**
 * The API server's clock: monotonic, `skew` ms away from this machine's clock (the poller's), and
 * frozen between ticks so that many writes share one millisecond.
 */
export class ServerClock {
	now: number;
	/** Writes stamped with `now`, and whether a poll has started since `now` began. */
	private writes = 0;
	private read = false;
	constructor(private readonly skew: number) {
		this.now = Date.now() - skew;
	}
	tick(): number {
		this.now = Math.max(this.now + 1, Date.now() - this.skew);
		this.writes = 0;
		this.read = false;
		return this.now;
	}
	jump(ms: number): number {
		this.tick();
		this.now += ms;
		return this.now;
	}
	/** A poll starts (or is paging): it may read records of the current millisecond. */
	polled(): void {
		this.read = true;
	}
	/**
	 * The time of one write. Any number of writes may share a millisecond, and writes may keep landing
	 * in a millisecond a poll has already read, except when it holds LIVE_GROUP_LIMIT records already:
	 * the cursor's documented limit (a page, or more than the exact digest, in one live millisecond).
	 */
	stamp(): number {
		if (this.read && this.writes >= LIVE_GROUP_LIMIT) this.tick();
		this.writes++;
		return this.now;
	}
	iso(): string {
		return new Date(this.now).toISOString();
	}
}

/** A set of ids with O(1) add, delete and random pick. */
export class IdPool {
	private readonly ids: string[] = [];
	private readonly index = new Map<string, number>();
	get size(): number {
		return this.ids.length;
	}
	has(id: string): boolean {
		return this.index.has(id);
	}
	add(id: string): void {
		if (this.index.has(id)) return;
		this.index.set(id, this.ids.length);
		this.ids.push(id);
	}
	delete(id: string): void {
		const i = this.index.get(id);
		if (i === undefined) return;
		const last = this.ids.pop()!;
		if (last !== id) {
			this.ids[i] = last;
			this.index.set(last, i);
		}
		this.index.delete(id);
	}
	pick(rng: Random): string | undefined {
		return this.ids.length ? rng.pick(this.ids) : undefined;
	}
	values(): string[] {
		return [...this.ids];
	}
}

const CITIES = ['Faro', 'Braga', 'Porto', 'Lisbon', 'Coimbra', 'Evora'];

/**
 * Contacts of DEMO.locationId written straight into the sandbox state (through `.set()`, so the
 * search caches see the change), each carrying its version in `source` (`sim v<n>`).
 */
export class ContactWorld {
	readonly live = new IdPool();
	readonly version = new Map<string, number>();
	/** Ids created after the trigger's first poll. */
	readonly createdAfterActivation = new Set<string>();
	activated = false;
	/** Called on every write, so a poll in progress can learn what changed under it. */
	onWrite?: (id: string) => void;

	constructor(
		readonly sandbox: Sandbox,
		readonly rng: Random,
		readonly clock: ServerClock,
		/** Start from an empty location (else the contacts there stay, as history before activation). */
		empty = true,
	) {
		const contacts = sandbox.state.contacts;
		if (empty) for (const c of [...contacts.values()]) if (c.locationId === DEMO.locationId) contacts.delete(c.id);
	}

	create(at = this.clock.stamp()): string {
		const id = this.rng.id();
		storedContact(this.sandbox, id, new Date(at).toISOString(), { firstName: 'Sim', lastName: id.slice(0, 6), city: this.rng.pick(CITIES), source: 'sim v1' });
		this.live.add(id);
		this.version.set(id, 1);
		if (this.activated) this.createdAfterActivation.add(id);
		this.onWrite?.(id);
		return id;
	}

	/** `at`: a time in the past, for an update that HighLevel's search shows late. */
	update(id: string, at = this.clock.stamp()): void {
		const current = this.sandbox.state.contacts.get(id);
		if (!current) return;
		const v = (this.version.get(id) ?? 1) + 1;
		this.version.set(id, v);
		const time = new Date(at).toISOString();
		this.sandbox.state.contacts.set(id, { ...current, city: this.rng.pick(CITIES), source: `sim v${v}`, dateUpdated: time });
		this.onWrite?.(id);
	}

	remove(id: string): void {
		this.sandbox.state.contacts.delete(id);
		this.live.delete(id);
		this.onWrite?.(id);
	}
}

export function versionOf(json: { source?: unknown }): number {
	const match = /^sim v(\d+)$/.exec(String(json.source));
	if (!match) throw new Error(`emitted a record without a simulation version: ${JSON.stringify(json)}`);
	return Number(match[1]);
}

/** Counts of one simulated event, with the first few problems spelled out. */
export class Tally {
	lost = 0;
	duplicated = 0;
	emitted = 0;
	polls = 0;
	maxCursorBytes = 0;
	maxItemsPerPoll = 0;
	/** The first two problems of each poll (label before ':'), at most 30. */
	readonly problems: string[] = [];
	private readonly perPoll = new Map<string, number>();
	problem(kind: 'lost' | 'duplicated', text: string): void {
		if (kind === 'lost') this.lost++;
		else this.duplicated++;
		const poll = `${kind} ${text.split(':')[0]}`;
		const n = this.perPoll.get(poll) ?? 0;
		this.perPoll.set(poll, n + 1);
		if (n < 2 && this.problems.length < 30) this.problems.push(`${kind}: ${text}`);
	}
	add(other: Tally): void {
		this.lost += other.lost;
		this.duplicated += other.duplicated;
		this.emitted += other.emitted;
		this.polls += other.polls;
		this.maxCursorBytes = Math.max(this.maxCursorBytes, other.maxCursorBytes);
		this.maxItemsPerPoll = Math.max(this.maxItemsPerPoll, other.maxItemsPerPoll);
		for (const p of other.problems) if (this.problems.length < 30) this.problems.push(p);
	}
}

/**
 * Oracle of Contact Created (Search) with Emit "new": every contact created after activation is
 * emitted exactly once; contacts that existed at activation never are. A poll that was not cut by
 * the page cap must emit every such contact that was live when it started and still is.
 */
export class NewContactsOracle {
	readonly emitted = new Set<string>();
	private pendingAtStart: string[] = [];
	constructor(
		private readonly world: ContactWorld,
		readonly tally: Tally,
	) {}

	beforePoll(): void {
		this.pendingAtStart = this.world.live.values().filter((id) => this.world.createdAfterActivation.has(id) && !this.emitted.has(id));
	}

	afterPoll(items: INodeExecutionData[] | null, cut: boolean, label: string): void {
		for (const { json } of items ?? []) {
			const id = String(json.id);
			this.tally.emitted++;
			if (!this.world.createdAfterActivation.has(id)) this.tally.problem('duplicated', `${label}: ${id} existed at activation`);
			else if (this.emitted.has(id)) this.tally.problem('duplicated', `${label}: ${id} emitted again`);
			this.emitted.add(id);
		}
		if (cut) return;
		for (const id of this.pendingAtStart) {
			if (this.world.live.has(id) && !this.emitted.has(id)) {
				this.tally.problem('lost', `${label}: ${id} (created ${this.createdAt(id)}) not emitted`);
				this.emitted.add(id); // counted once
			}
		}
	}

	pending(): number {
		return this.world.live.values().filter((id) => this.world.createdAfterActivation.has(id) && !this.emitted.has(id)).length;
	}

	private createdAt(id: string): string {
		return String(this.world.sandbox.state.contacts.get(id)?.dateAdded);
	}
}

/**
 * Oracle of Contact Created or Updated with Emit "newOrUpdated": versions of one contact are
 * emitted in increasing order and never twice (two updates between polls collapse into the latest
 * one); versions that existed at activation are never emitted. A poll not cut by the page cap emits,
 * for every live contact whose version at its start was not emitted yet, that version or a newer one.
 */
export class UpdatedContactsOracle {
	readonly lastEmitted = new Map<string, number>();
	private pendingAtStart = new Map<string, number>();
	constructor(
		private readonly world: ContactWorld,
		readonly tally: Tally,
	) {}

	/** At activation: every current version counts as already seen. */
	activate(): void {
		for (const id of this.world.live.values()) this.lastEmitted.set(id, this.world.version.get(id) ?? 1);
	}

	beforePoll(): void {
		this.pendingAtStart = new Map();
		for (const id of this.world.live.values()) {
			const v = this.world.version.get(id) ?? 1;
			if (v > (this.lastEmitted.get(id) ?? 0)) this.pendingAtStart.set(id, v);
		}
	}

	afterPoll(items: INodeExecutionData[] | null, cut: boolean, label: string): void {
		for (const { json } of items ?? []) {
			const id = String(json.id);
			const v = versionOf(json as { source?: unknown });
			this.tally.emitted++;
			const last = this.lastEmitted.get(id) ?? 0;
			if (v <= last) this.tally.problem('duplicated', `${label}: ${id} v${v} after v${last}`);
			else this.lastEmitted.set(id, v);
		}
		if (cut) return;
		for (const [id, v] of this.pendingAtStart) {
			if (this.world.live.has(id) && (this.lastEmitted.get(id) ?? 0) < v) {
				this.tally.problem('lost', `${label}: ${id} v${v} not emitted (last emitted v${this.lastEmitted.get(id) ?? 0})`);
				this.lastEmitted.set(id, v);
			}
		}
	}

	pending(): number {
		return this.world.live.values().filter((id) => (this.world.version.get(id) ?? 1) > (this.lastEmitted.get(id) ?? 0)).length;
	}
}

/** Tasks of one contact, written straight into `state.tasks`. */
export class TaskWorld {
	readonly live = new IdPool();
	readonly contactId: string;

	constructor(
		private readonly sandbox: Sandbox,
		readonly rng: Random,
		readonly clock: ServerClock,
	) {
		const contacts = sandbox.state.contacts;
		for (const c of [...contacts.values()]) if (c.locationId === DEMO.locationId) contacts.delete(c.id);
		for (const t of [...sandbox.state.tasks.values()]) sandbox.state.tasks.delete(t.id);
		this.contactId = rng.id();
		storedContact(sandbox, this.contactId, clock.iso(), { firstName: 'Task', lastName: 'Owner' });
	}

	private dueDate(): string {
		// Many tasks share a due date, so the list order (due date, id) shuffles as tasks change.
		return new Date(Date.UTC(2030, 0, 1) + this.rng.int(0, 40) * 86_400_000).toISOString();
	}

	get(id: string): Task | undefined {
		return this.sandbox.state.tasks.get(id);
	}

	put(task: Task): void {
		this.sandbox.state.tasks.set(task.id, task);
	}

	create(): string {
		const id = this.rng.id();
		const time = this.clock.iso();
		this.put({ id, contactId: this.contactId, title: `Task ${this.rng.int(1, 9999)}`, body: null, assignedTo: null, dueDate: this.dueDate(), completed: false, dateAdded: time, dateUpdated: time });
		this.live.add(id);
		return id;
	}

	update(id: string): void {
		const task = this.get(id);
		if (!task) return;
		const change = this.rng.int(0, 2);
		this.put({
			...task,
			title: change === 0 ? `Task ${this.rng.int(1, 9999)}` : task.title,
			completed: change === 1 ? !task.completed : task.completed,
			dueDate: change === 2 ? this.dueDate() : task.dueDate,
			dateUpdated: this.clock.iso(),
		});
	}

	remove(id: string): void {
		this.sandbox.state.tasks.delete(id);
		this.live.delete(id);
	}

	/** id → content, as the list answers it. */
	snapshot(): Map<string, string> {
		const out = new Map<string, string>();
		for (const id of this.live.values()) out.set(id, JSON.stringify(this.get(id)));
		return out;
	}
}

/** The part of a time-ordered poller's cursor the late-record window covers: [start, mark]. */
export function lateWindowOf(cursor: { ts?: unknown; w?: unknown; a?: unknown } | undefined): { start: number; mark: number } | undefined {
	if (!cursor || typeof cursor.ts !== 'number' || cursor.a !== undefined) return undefined;
	return { start: cursor.ts - (typeof cursor.w === 'number' ? cursor.w : 0), mark: cursor.ts };
}

/** Emitted ids of a list poll against the ids that differ from the previous snapshot. */
export function checkListPoll(tally: Tally, label: string, items: INodeExecutionData[] | null, expected: Set<string>): void {
	const seen = new Set<string>();
	for (const { json } of items ?? []) {
		const id = String(json.id);
		tally.emitted++;
		if (seen.has(id)) tally.problem('duplicated', `${label}: ${id} twice in one poll`);
		else if (!expected.has(id)) tally.problem('duplicated', `${label}: ${id} emitted without a change`);
		seen.add(id);
	}
	for (const id of expected) if (!seen.has(id)) tally.problem('lost', `${label}: ${id} changed but not emitted`);
}
