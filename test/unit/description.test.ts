// The node description the editor downloads: every picker points at an existing method, and every
// declared operation is reachable from the Resource and Operation dropdowns.
import { GoHighLevel } from '../../nodes/GoHighLevel/GoHighLevel.node';
import { resources } from '../../nodes/GoHighLevel/actions';

const node = new GoHighLevel();

function walk(value: unknown, visit: (o: Record<string, unknown>) => void): void {
	if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
	else if (value && typeof value === 'object') {
		visit(value as Record<string, unknown>);
		Object.values(value).forEach((v) => walk(v, visit));
	}
}

describe('GoHighLevel node description', () => {
	it('references only dropdown and search methods that exist', () => {
		const referenced = { loadOptions: new Set<string>(), listSearch: new Set<string>() };
		walk(node.description.properties, (o) => {
			if (typeof o.loadOptionsMethod === 'string') referenced.loadOptions.add(o.loadOptionsMethod);
			if (typeof o.searchListMethod === 'string') referenced.listSearch.add(o.searchListMethod);
		});
		expect(referenced.listSearch.size).toBeGreaterThan(5);
		for (const name of referenced.loadOptions) expect(Object.keys(node.methods.loadOptions)).toContain(name);
		for (const name of referenced.listSearch) expect(Object.keys(node.methods.listSearch)).toContain(name);
	});

	it('offers every declared operation under its resource', () => {
		const props = node.description.properties;
		const resourceProp = props.find((p) => p.name === 'resource')!;
		const offered = (resourceProp.options as Array<{ value: string }>).map((o) => o.value);
		for (const resource of resources) {
			expect(offered).toContain(resource.value);
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
