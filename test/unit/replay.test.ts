// The stored memory of accepted webhook deliveries: entries leave when their timestamp leaves the
// window, the size stays bounded, and whatever left past the bound moves the horizon.
import type { IDataObject } from 'n8n-workflow';

import { ENTRY_CHARS, fingerprint, rememberInStaticData, storedVerdict } from '../../nodes/GoHighLevel/webhook/replay';

const NOW = Date.parse('2026-12-02T01:00:00.000Z');
const print = (n: number) => fingerprint(`id:${n}`);
const ring = (data: IDataObject) => (data.acceptedDeliveries as { ring: string }).ring;

describe('stored delivery memory', () => {
	it('keeps every delivery of the window, however many, and drops those that left it', () => {
		const data: IDataObject = {};
		// 1,500 deliveries over 90 s, from 200 s before NOW.
		const sentAt = (i: number) => NOW - 200_000 + i * 60;
		for (let i = 0; i < 1500; i++) rememberInStaticData(data, [{ print: print(i), sentAt: sentAt(i) }], NOW, 300, 10_000);
		expect(ring(data).length / ENTRY_CHARS).toBe(1500);
		expect(storedVerdict(data, print(0), sentAt(0))).toBe('seen');

		// 150 s later, deliveries sent before NOW - 150 s have left the 300 s window: 834 of them.
		rememberInStaticData(data, [{ print: print(99_999), sentAt: NOW + 150_000 }], NOW + 150_000, 300, 10_000);
		expect(ring(data).length / ENTRY_CHARS).toBe(1500 - 834 + 1);
		expect(storedVerdict(data, print(833), sentAt(833))).toBeUndefined();
		expect(storedVerdict(data, print(834), sentAt(834))).toBe('seen');
		expect(storedVerdict(data, print(99_999), NOW + 150_000)).toBe('seen');
	});

	it('past the bound, drops the oldest and refuses anything not newer than them', () => {
		const data: IDataObject = {};
		for (let i = 0; i < 25; i++) rememberInStaticData(data, [{ print: print(i), sentAt: NOW - 100_000 + i * 1000 }], NOW, 300, 10);
		expect(ring(data).length / ENTRY_CHARS).toBe(10);
		expect(storedVerdict(data, print(0), NOW - 100_000)).toBe('beyond-memory');
		expect(storedVerdict(data, print(1234), NOW - 100_000 + 14_000)).toBe('beyond-memory');
		expect(storedVerdict(data, print(1234), NOW - 100_000 + 14_001)).toBeUndefined();
		expect(storedVerdict(data, print(24), NOW - 100_000 + 24_000)).toBe('seen');
	});

	it('replaces the count-only ring of earlier versions', () => {
		const data: IDataObject = { deliveries: { ring: 'abcdefghijkl' } };
		rememberInStaticData(data, [{ print: print(1), sentAt: NOW }], NOW, 300, 10);
		expect(data.deliveries).toBeUndefined();
		expect(storedVerdict(data, print(1), NOW)).toBe('seen');
	});
});
