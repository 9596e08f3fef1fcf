// The size budget of the descriptions the editor downloads with every node type (dist/types/nodes.json,
// from the build): each node ≤ 300 KiB, and the action nodes ≤ 1.2 KiB per operation on average.
// Parameters shared by several operations are declared once (engine/description.ts shareAcross).
import { MAX_BYTES_PER_OPERATION, MAX_NODE_BYTES, bytesPerOperation, nodeSizes } from '../../scripts/descriptionSize';
import { resources } from '../../nodes/GoHighLevel/actions';
import { triggerEvents } from '../../nodes/GoHighLevel/trigger/events';

const sizes = nodeSizes();

describe('description size budget', () => {
	it('counts every declared operation and event', () => {
		expect(sizes.filter((s) => s.kind === 'action').reduce((sum, s) => sum + s.operations, 0)).toBe(
			resources.reduce((sum, r) => sum + r.operations.length, 0),
		);
		expect(sizes.find((s) => s.name === 'goHighLevelTrigger')?.operations).toBe(triggerEvents.length);
	});

	it.each(sizes.map((s) => [s.name, s] as const))('%s is at most 300 KiB of JSON', (_name, size) => {
		expect(size.bytes).toBeLessThanOrEqual(MAX_NODE_BYTES);
	});

	it('the action nodes take at most 1.2 KiB per operation on average', () => {
		expect(bytesPerOperation(sizes.filter((s) => s.kind === 'action'))).toBeLessThanOrEqual(MAX_BYTES_PER_OPERATION);
	});

	it('the polling trigger takes at most 1.2 KiB per event on average', () => {
		expect(bytesPerOperation(sizes.filter((s) => s.name === 'goHighLevelTrigger'))).toBeLessThanOrEqual(MAX_BYTES_PER_OPERATION);
	});
});
