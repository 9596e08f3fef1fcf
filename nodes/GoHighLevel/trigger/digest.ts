/**
 * Bounded fingerprints of record sets, for list events whose endpoint has no time order. Up to 350
 * records the digest is exact (sorted 32-bit hashes); beyond, a 1,400-byte Bloom filter, so the
 * stored state stays under 2 KB whatever the record count (at the cost of rare misses, see README).
 */
export function hash32(text: string): number {
	// FNV-1a: fast, deterministic, good spread for ids and JSON.
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Keys up to which a digest is exact. */
export const EXACT_LIMIT = 350;
const BLOOM_BYTES = 1400;

function toBase64(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64');
}

function fromBase64(text: string): Uint8Array {
	return new Uint8Array(Buffer.from(text, 'base64'));
}

function bloomPositions(key: string, k: number, bits: number): number[] {
	const a = hash32(key);
	const b = hash32(`${key}#`) | 1;
	return Array.from({ length: k }, (_, i) => ((a + Math.imul(i, b)) >>> 0) % bits);
}

export function buildDigest(keys: string[]): string {
	if (keys.length <= EXACT_LIMIT) {
		const hashes = [...new Set(keys.map(hash32))].sort((x, y) => x - y);
		const bytes = new Uint8Array(hashes.length * 4);
		hashes.forEach((h, i) => new DataView(bytes.buffer).setUint32(i * 4, h));
		return `h:${toBase64(bytes)}`;
	}
	const bits = BLOOM_BYTES * 8;
	const k = Math.max(1, Math.min(16, Math.round((bits / keys.length) * Math.LN2)));
	const filter = new Uint8Array(BLOOM_BYTES);
	for (const key of keys) for (const p of bloomPositions(key, k, bits)) filter[p >> 3] |= 1 << (p & 7);
	return `b:${k}:${toBase64(filter)}`;
}

/** A membership test over a stored digest. */
export function digestContains(digest: string): (key: string) => boolean {
	if (digest.startsWith('h:')) {
		const bytes = fromBase64(digest.slice(2));
		const view = new DataView(bytes.buffer);
		const set = new Set<number>();
		for (let i = 0; i + 4 <= bytes.length; i += 4) set.add(view.getUint32(i));
		return (key) => set.has(hash32(key));
	}
	const [, kText, data] = digest.split(':');
	const filter = fromBase64(data);
	const k = Number(kText);
	const bits = filter.length * 8;
	return (key) => bloomPositions(key, k, bits).every((p) => (filter[p >> 3] & (1 << (p & 7))) !== 0);
}
