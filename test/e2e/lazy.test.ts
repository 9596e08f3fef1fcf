// End to end in `n8n start` at log level debug: n8n lazy-loads the installed package from its
// metadata (dist/known, dist/types) instead of requiring every node at start, and the editor's
// node types (/types/nodes.json, what the browser downloads) list every node with its operations.
// cli.test.ts runs an operation of each node in the same kind of install.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resourcesOf } from '../../nodes/GoHighLevel/actions';
import { AREAS } from '../../nodes/GoHighLevel/areas';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { PACKAGE_NAME } from '../../scripts/n8n/package';
import { ROOT } from '../../scripts/n8n/paths';
import { shippedActionNodes } from '../contract/shippedNodes';
import { newInstance } from './setup';

interface EditorNodeType {
	name: string;
	properties: Array<{ name: string; options?: Array<{ value: unknown }>; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await newInstance('lazy', { N8N_LOG_LEVEL: 'debug' });
	await n8n.start();
});
afterAll(async () => await n8n?.stop());

async function signedInCookie(): Promise<string> {
	const response = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: 'owner@lazy.local', password: 'Lazy-Owner-1', firstName: 'Lazy', lastName: 'Owner' }),
	});
	expect(response.status).toBe(200);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('owner set-up returned no n8n-auth cookie');
	return cookie.split(';')[0];
}

describe('n8n 2.41 start with the package installed', () => {
	it('lazy-loads the package from its metadata', () => {
		expect(n8n.output).toContain(`Lazy-loading nodes and credentials from ${PACKAGE_NAME}`);
		expect(n8n.output).not.toContain("Can't enable lazy-loading");
	});

	it('offers every node of the package to the editor, each area node with every declared operation', async () => {
		const response = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie: await signedInCookie() } });
		expect(response.status).toBe(200);
		const types = (await response.json()) as EditorNodeType[];
		const ours = Object.keys(JSON.parse(readFileSync(join(ROOT, 'dist/known/nodes.json'), 'utf8')) as object);
		expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(ours.map((name) => `${PACKAGE_NAME}.${name}`)));

		const areaNodes = shippedActionNodes();
		expect(areaNodes.length).toBeGreaterThanOrEqual(3);
		for (const { area } of areaNodes) {
			const type = types.find((t) => t.name === `${PACKAGE_NAME}.${AREAS[area].node}`);
			expect(type).toBeDefined();
			for (const resource of resourcesOf(area)) {
				const operation = type!.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value));
				// n8n adds its own "Custom API Call" entry to every operation list.
				const listed = (operation?.options ?? []).map((o) => o.value).filter((value) => value !== '__CUSTOM_API_CALL__');
				expect(listed.sort()).toEqual(resource.operations.map((o) => o.operation).sort());
			}
		}
	});
});
