// Helpers shared by the resource stores kept on the state (conversations, associations, blogs).
import type { Rng } from './util';

/** Puts a store back to a freshly seeded one, keeping the identity of the store and of its Maps. */
export function refillStore<T extends object>(target: T, fresh: T): void {
	for (const key of Object.keys(fresh) as Array<keyof T>) {
		const now = target[key];
		const next = fresh[key];
		if (now instanceof Map && next instanceof Map) {
			now.clear();
			for (const [k, v] of next) now.set(k, v);
		} else {
			target[key] = next;
		}
	}
}

/** A 24-character hex id like a MongoDB ObjectId (blogs, associations and relations use these). */
export function objectId(rng: Rng): string {
	let id = '';
	for (let i = 0; i < 6; i++) id += Math.floor(rng() * 0x10000).toString(16).padStart(4, '0');
	return id;
}

export function nowIso(ms: number): string {
	return new Date(ms).toISOString();
}
