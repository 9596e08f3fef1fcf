// One action node per product area with declared resources: the node files, package.json's
// registration and the area registry agree, so adding an area's node is one small file (plus the
// package.json line this test names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resources, resourcesOf } from '../../nodes/GoHighLevel/actions';
import { AREA_NAMES, AREAS } from '../../nodes/GoHighLevel/areas';
import { registrySource } from '../../scripts/registry';
import { nodeSourceFiles, shippedActionNodes } from './shippedNodes';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

describe('node registration', () => {
	it('package.json "n8n.nodes" lists exactly the node files of nodes/', () => {
		const built = nodeSourceFiles().map((file) => `dist/${file.replace(/\.ts$/, '.js')}`);
		expect([...manifest.n8n.nodes].sort()).toEqual(built);
	});

	it('ships a node for every area that has resources, and none for an area without', () => {
		const shipped = shippedActionNodes().map((n) => n.area).sort();
		expect(shipped).toEqual(AREA_NAMES.filter((area) => resourcesOf(area).length > 0).sort());
		expect(shipped).toEqual(expect.arrayContaining(['crm', 'marketing', 'agency']));
	});

	it('keeps the CRM node type goHighLevel (saved workflows use it)', () => {
		expect(AREAS.crm.node).toBe('goHighLevel');
	});

	it('gives every resource a value of its own across all nodes', () => {
		const values = resources.map((r) => r.value);
		expect(new Set(values).size).toBe(values.length);
	});
});

describe('declaration registry', () => {
	it('nodes/GoHighLevel/actions/registry.ts imports every file under actions/ (run `npm run registry`)', () => {
		expect(readFileSync(join(__dirname, '..', '..', 'nodes', 'GoHighLevel', 'actions', 'registry.ts'), 'utf8')).toBe(registrySource());
	});

	it('finds every operation a resource file exports, each under a declared resource with a default operation', () => {
		for (const resource of resources) {
			expect(resource.operations.length).toBeGreaterThan(0);
			const fallback = resource.operations.some((o) => o.operation === 'get') ? 'get' : undefined;
			expect(resource.operations.map((o) => o.operation)).toContain(resource.defaultOperation ?? fallback);
		}
	});
});
