// The node files of the package (nodes/<Class>/<Class>.node.ts and the triggers beside them), loaded
// from source: what package.json's "n8n.nodes" must list, and which of them are product-area nodes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import type { ProductArea } from '../../nodes/GoHighLevel/areas';
import { areaOfNode } from '../../nodes/GoHighLevel/areas';

const root = join(__dirname, '..', '..');

/** `nodes/<dir>/<Name>.node.ts`, relative to the repository root, sorted. */
export function nodeSourceFiles(): string[] {
	return readdirSync(join(root, 'nodes'), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => readdirSync(join(root, 'nodes', d.name)).filter((f) => f.endsWith('.node.ts')).map((f) => `nodes/${d.name}/${f}`))
		.sort();
}

export function loadNode(file: string): INodeType {
	const className = file.split('/').pop()!.replace(/\.node\.ts$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Class = (require(join(root, file)) as Record<string, new () => INodeType>)[className];
	return new Class();
}

export function shippedActionNodes(): Array<{ area: ProductArea; node: INodeType; file: string }> {
	return nodeSourceFiles().flatMap((file) => {
		const node = loadNode(file);
		const area = areaOfNode(node.description.name);
		return area ? [{ area, node, file }] : [];
	});
}
