// The node descriptions the editor downloads: every picker points at an existing method, and every
// declared operation is reachable from the Resource and Operation dropdowns of its area's node.
import type { INodeType } from 'n8n-workflow';

import { resourcesOf } from '../../nodes/GoHighLevel/actions';
import { AREAS } from '../../nodes/GoHighLevel/areas';
import { shippedActionNodes } from '../contract/shippedNodes';

function walk(value: unknown, visit: (o: Record<string, unknown>) => void): void {
	if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
	else if (value && typeof value === 'object') {
		visit(value as Record<string, unknown>);
		Object.values(value).forEach((v) => walk(v, visit));
	}
}

describe.each(shippedActionNodes().map((n) => [n.area, n] as const))('%s action node description', (area, { node }) => {
	const methods = (node as INodeType & { methods: { loadOptions: object; listSearch: object } }).methods;

	it('is named after its area', () => {
		expect(node.description.name).toBe(AREAS[area].node);
		expect(node.description.displayName).toBe(AREAS[area].displayName);
	});

	it('references only dropdown and search methods that exist', () => {
		const referenced = { loadOptions: new Set<string>(), listSearch: new Set<string>() };
		walk(node.description.properties, (o) => {
			if (typeof o.loadOptionsMethod === 'string') referenced.loadOptions.add(o.loadOptionsMethod);
			if (typeof o.searchListMethod === 'string') referenced.listSearch.add(o.searchListMethod);
		});
		if (area === 'crm') expect(referenced.listSearch.size).toBeGreaterThan(5);
		for (const name of referenced.loadOptions) expect(Object.keys(methods.loadOptions)).toContain(name);
		for (const name of referenced.listSearch) expect(Object.keys(methods.listSearch)).toContain(name);
	});

	it('offers every declared operation of its area under its resource, and no other resource', () => {
		const props = node.description.properties;
		const resourceProp = props.find((p) => p.name === 'resource')!;
		const offered = (resourceProp.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual(resourcesOf(area).map((r) => r.value).sort());
		expect(offered).toContain(resourceProp.default);
		for (const resource of resourcesOf(area)) {
			const operationProp = props.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))!;
			const operations = (operationProp.options as Array<{ value: string }>).map((o) => o.value).sort();
			expect(operations).toEqual(resource.operations.map((o) => o.operation).sort());
		}
	});

	it('is usable as an AI tool and has themed icons', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.icon).toEqual({ light: expect.stringMatching(/\.svg$/), dark: expect.stringMatching(/\.dark\.svg$/) });
	});
});
