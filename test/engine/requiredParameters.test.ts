// For every declared operation and every required parameter: when its value resolves to nothing
// (an expression over a missing field), the node fails with an error naming the parameter and
// sends nothing. (A required parameter left empty in the editor is refused by n8n itself.)
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resources } from '../../nodes/GoHighLevel/actions';
import type { OperationDeclaration } from '../../nodes/GoHighLevel/engine/declarations';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { runOperation } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ID = 'abcdefghij0123456789';

/** A valid-looking value for a parameter, so only the one under test is missing. */
function sample(p: INodeProperties): unknown {
	switch (p.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: ID };
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2030-01-01T10:00:00.000Z';
		case 'multiOptions':
			return [ID];
		case 'options':
			return p.typeOptions?.loadOptionsMethod ? ID : (p.options?.[0] as { value: unknown } | undefined)?.value ?? p.default;
		case 'fixedCollection':
			return {};
		default:
			if (p.name.toLowerCase().includes('email')) return 'someone@example.com';
			if (p.name.toLowerCase().includes('url') && p.name !== 'urlSlug') return 'https://example.com/image.png';
			return p.name === 'phone' ? '+14155550100' : 'sample';
	}
}

function shown(decl: OperationDeclaration, p: INodeProperties, values: IDataObject): boolean {
	return Object.entries(p.displayOptions?.show ?? {}).every(([name, allowed]) => (allowed as unknown[]).includes(values[name]));
}

const cases = resources.flatMap((resource) =>
	resource.operations.flatMap((decl) => {
		const base: IDataObject = {};
		for (const param of decl.params) if (param.property.type !== 'collection') base[param.property.name] = sample(param.property) as IDataObject[string];
		return decl.params
			.filter((param) => param.property.required && param.property.type !== 'boolean' && shown(decl, param.property, base))
			.map((param) => [`${decl.resource}:${decl.operation} ${param.property.displayName}`, decl, param.property, base] as const);
	}),
);

describe('required parameters', () => {
	it('covers the required parameters of many operations', () => {
		expect(cases.length).toBeGreaterThan(80);
	});

	it.each(cases)('%s', async (_name, decl, property, base) => {
		const missing = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: '={{ $json.missing }}' } : '={{ $json.missing }}';
		const extra: IDataObject = decl.company ? { companyId: ID } : {};
		const result = await runOperation(sandbox, decl.resource, decl.operation, { ...base, ...extra, [property.name]: missing });
		expect(result.error?.message).toMatch(new RegExp(`^${property.displayName.replace(/[()]/g, '\\$&')}: this parameter is required`));
		expect(sandbox.requests).toHaveLength(0);
	});
});
