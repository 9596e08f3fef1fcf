// Sizes of the node descriptions the n8n editor downloads (dist/types/nodes.json, written by the
// build): JSON bytes per node and per operation. Read by the size-budget test and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The budget of issue 15: per node, and per operation on average over the action nodes. */
export const MAX_NODE_BYTES = 300 * 1024;
export const MAX_BYTES_PER_OPERATION = 1.2 * 1024;

export interface NodeSize {
	name: string;
	bytes: number;
	/** Operations (action nodes) or events (polling trigger) the node lists; 0 for the webhook trigger. */
	operations: number;
	kind: 'action' | 'trigger';
}

interface DescribedNode {
	name: string;
	group: string[];
	properties: Array<{ name: string; options?: unknown[] }>;
}

export function nodeSizes(root = join(__dirname, '..')): NodeSize[] {
	const types = JSON.parse(readFileSync(join(root, 'dist', 'types', 'nodes.json'), 'utf8')) as DescribedNode[];
	return types.map((type) => ({
		name: type.name,
		bytes: Buffer.byteLength(JSON.stringify(type)),
		operations: type.properties
			.filter((p) => p.name === 'operation' || p.name === 'event')
			.reduce((sum, p) => sum + (p.options?.length ?? 0), 0),
		kind: type.group.includes('trigger') ? 'trigger' : 'action',
	}));
}

/** Bytes per operation over a set of nodes (sum of bytes / sum of operations). */
export function bytesPerOperation(sizes: NodeSize[]): number {
	const operations = sizes.reduce((sum, s) => sum + s.operations, 0);
	return operations === 0 ? 0 : sizes.reduce((sum, s) => sum + s.bytes, 0) / operations;
}
