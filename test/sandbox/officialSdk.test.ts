// A client nobody here wrote: HighLevel's official SDK (@gohighlevel/api-client 3.x), unchanged and
// with its default settings (it sends `Version: 2023-02-21` on every call), only pointed at the
// sandbox's address. Every call of its contacts, calendars, opportunities, users, locations and
// conversations services is made with a minimal valid request built from the spec, and must succeed.
import { HighLevel } from '@gohighlevel/api-client';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { loadContract } from '../../sandbox/contract';
import { ROUTES, routeKey } from '../../sandbox/routes';
import { buildRequest, demoIds, sampleData } from './conformance';

const SERVICES = ['contacts', 'calendars', 'opportunities', 'users', 'locations', 'conversations'] as const;
const contract = loadContract();
const handWritten = new Set(ROUTES.map((r) => routeKey(r.method, r.path)));

interface SdkCall {
	service: string;
	name: string;
	method: string;
	path: string;
	/** How the generated method takes its arguments. */
	takesParams: boolean;
	takesBody: boolean;
}

type Service = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** The SDK's calls, read from its generated methods (each names its HTTP method and path template). */
function sdkCalls(client: HighLevel): SdkCall[] {
	const calls: SdkCall[] = [];
	for (const service of SERVICES) {
		const instance = (client as unknown as Record<string, Service>)[service];
		for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(instance))) {
			if (name === 'constructor') continue;
			const source = instance[name].toString();
			const method = /method: '(\w+)'/.exec(source)?.[1];
			const path = /buildUrl\)\('([^']+)'/.exec(source)?.[1];
			const signature = /^async \w+\(([^)]*)\)/.exec(source)?.[1].split(',').map((a) => a.trim()) ?? [];
			if (!method || !path) continue;
			calls.push({ service, name, method, path, takesParams: signature.includes('params'), takesBody: signature.includes('requestBody') });
		}
	}
	return calls;
}

const normalize = (path: string) => path.replace(/\/+$/, '');

let sandbox: Sandbox;
const baseUrl = HighLevel as unknown as { BASE_URL: string };
const officialUrl = baseUrl.BASE_URL;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimit: { max: 1_000_000 } });
	// The only change: the address (the SDK has no option for it).
	baseUrl.BASE_URL = sandbox.url;
});
afterAll(async () => {
	baseUrl.BASE_URL = officialUrl;
	await sandbox.close();
});

describe('@gohighlevel/api-client 3.x with its defaults', () => {
	it('sends Version 2023-02-21 by default', async () => {
		const client = new HighLevel({ privateIntegrationToken: DEMO.locationPrivateToken });
		const ids = demoIds(sandbox);
		const contact = (await client.contacts.getContact({ contactId: ids.contactId })) as { contact: { id: string } };
		expect(contact.contact.id).toBe(ids.contactId);
		expect(sandbox.requests.at(-1)!.version).toBe('2023-02-21');
	});

	it('works for every call of its contacts, calendars, opportunities, users, locations and conversations services', async () => {
		const failures: string[] = [];
		let made = 0;
		const calls = sdkCalls(new HighLevel({ privateIntegrationToken: 'unused' }));
		expect(calls.length).toBeGreaterThan(100);
		for (const call of calls) {
			const op = contract.operations.find((o) => o.method.toUpperCase() === call.method && normalize(o.path) === normalize(call.path));
			if (!op) {
				failures.push(`${call.service}.${call.name}: ${call.method} ${call.path} is not in the contract`);
				continue;
			}
			sandbox.reset();
			const req = buildRequest(op, contract.schemas, demoIds(sandbox), handWritten.has(routeKey(op.method, op.path)));
			sampleData(sandbox, `${op.method} ${op.path}`, req);
			const client = new HighLevel({ privateIntegrationToken: req.userType === 'Location' ? DEMO.locationPrivateToken : DEMO.agencyPrivateToken });
			const service = (client as unknown as Record<string, Service>)[call.service];
			const args: unknown[] = [];
			// The SDK takes parameters by camel-case name (location_id → locationId).
			if (call.takesParams) args.push(Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase()), v])));
			if (call.takesBody) args.push(req.json ?? req.form ?? {});
			try {
				await service[call.name](...args);
				made++;
			} catch (e) {
				const err = e as { statusCode?: number; message?: string; response?: unknown };
				failures.push(`${call.service}.${call.name} (${op.method} ${op.path}): ${err.statusCode ?? ''} ${String(err.message).slice(0, 200)}`);
			}
		}
		console.log(`official SDK: ${made} of ${calls.length} calls served`);
		expect(failures).toEqual([]);
	});
});
