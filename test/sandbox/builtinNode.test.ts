// A client nobody here wrote: n8n's built-in HighLevel node (n8n-nodes-base 2.41.1, loaded as
// bench/reference.ts does), run through the harness (n8n-core's engine) against the sandbox. Every
// operation in its dropdowns is run; the sandbox serves each one whose requests are valid per the
// spec, and the ones it leaves out are listed below with the reason.
import type { INodeProperties, IVersionedNodeType } from 'n8n-workflow';

import { ensureReference } from '../../bench/reference';
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { CALENDAR_DEMO } from '../../sandbox/domains/calendars/state';
import { loadPackage, runNode } from '../harness';

let sandbox: Sandbox;
let root: string;

/** The node's OAuth2 credential, holding a token the sandbox accepts. */
const credentials = () => ({
	type: 'highLevelOAuth2Api',
	data: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, oauthTokenData: { access_token: DEMO.locationPrivateToken, token_type: 'Bearer', locationId: DEMO.locationId } },
});

/**
 * Operations whose requests the spec itself refuses, so a faithful sandbox answers 422 like
 * HighLevel (NestJS whitelist): the reason, and the 422 message the test expects.
 */
const LEFT_OUT: Record<string, { reason: string; message: string }> = {
	'task:getAll': {
		reason: 'sends `limit` as a query parameter, which GET /contacts/{contactId}/tasks does not declare',
		message: 'property limit should not exist',
	},
};

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
	root = ensureReference();
	// Only the address changes: the node's declarative requests go to the sandbox.
	const versioned = (await loadPackage(root)).getNodeType('highLevel') as IVersionedNodeType;
	for (const node of Object.values(versioned.nodeVersions)) {
		if (node.description.requestDefaults) node.description.requestDefaults.baseURL = sandbox.url;
	}
});
afterAll(() => sandbox.close());

/** resource:operation for every operation in the latest version's dropdowns. */
async function operations(): Promise<string[]> {
	const versioned = (await loadPackage(root)).getNodeType('highLevel') as IVersionedNodeType;
	const latest = versioned.nodeVersions[versioned.currentVersion];
	const props = latest.description.properties as INodeProperties[];
	const resources = (props.find((p) => p.name === 'resource')!.options as Array<{ value: string }>).map((o) => o.value);
	return resources.flatMap((resource) =>
		props
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource))
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${resource}:${o.value}`)),
	);
}

/** Parameters of each operation: its required fields, with demo records. */
async function parametersFor(key: string): Promise<Record<string, unknown>> {
	const contact = [...sandbox.state.contacts.values()].find((c) => c.locationId === DEMO.locationId)!;
	const task = [...sandbox.state.tasks.values()].find((t) => t.contactId === contact.id);
	const opportunity = [...sandbox.state.opportunities.values()].find((o) => o.locationId === DEMO.locationId)!;
	const pipeline = [...sandbox.state.pipelines.values()].find((p) => p.locationId === DEMO.locationId)!;
	const day = Date.now() + 86_400_000;
	switch (key) {
		case 'contact:create':
			return { email: 'built-in-node@example.com' };
		case 'contact:get':
		case 'contact:delete':
			return { contactId: contact.id };
		case 'contact:update':
			return { contactId: contact.id, updateFields: { firstName: 'Renamed' } };
		case 'contact:getAll':
			return { limit: 5 };
		case 'opportunity:create':
			return { pipelineId: pipeline.id, contactId: contact.id, name: 'Built-in node deal', status: 'open' };
		case 'opportunity:get':
		case 'opportunity:delete':
			return { opportunityId: opportunity.id };
		case 'opportunity:update':
			return { opportunityId: opportunity.id, updateFields: { name: 'Renamed deal' } };
		case 'opportunity:getAll':
			return { limit: 5 };
		case 'task:create':
			return { contactId: contact.id, title: 'Call back', dueDate: new Date(day).toISOString(), completed: false };
		case 'task:get':
		case 'task:delete':
			return { contactId: contact.id, taskId: task?.id };
		case 'task:update':
			// Title and due date both given: without them its preSend reads the task from the hard-coded production host.
			return { contactId: contact.id, taskId: task?.id, updateFields: { title: 'Call back later', dueDate: new Date(day).toISOString() } };
		case 'task:getAll':
			return { contactId: contact.id };
		case 'calendar:getFreeSlots':
			return { calendarId: CALENDAR_DEMO.calendarIds[0], startDate: day, endDate: day + 6 * 86_400_000 };
		case 'calendar:bookAppointment':
			return { calendarId: CALENDAR_DEMO.calendarIds[0], locationId: DEMO.locationId, contactId: contact.id, startTime: await freeSlot() };
	}
	throw new Error(`no parameters for ${key}`);
}

/** A start time the calendar has free (the sandbox refuses others, like HighLevel). */
async function freeSlot(): Promise<string> {
	const start = Date.now() + 86_400_000;
	const res = await fetch(`${sandbox.url}/calendars/${CALENDAR_DEMO.calendarIds[0]}/free-slots?startDate=${start}&endDate=${start + 7 * 86_400_000}`, {
		headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: '2021-04-15' },
	});
	const days = (await res.json()) as Record<string, { slots?: string[] }>;
	const slot = Object.values(days).find((d) => d.slots?.length)?.slots?.[0];
	if (!slot) throw new Error('no free slot in the next week');
	return slot;
}

describe("n8n's built-in HighLevel node", () => {
	it('has its operations served wherever its requests are valid per the spec', async () => {
		const keys = await operations();
		expect(keys.length).toBeGreaterThanOrEqual(14);
		const failures: string[] = [];
		const served: string[] = [];
		for (const key of keys) {
			sandbox.reset();
			const [resource, operation] = key.split(':');
			const result = await runNode({ packageRoot: root, nodeType: 'highLevel', parameters: { resource, operation, ...(await parametersFor(key)) }, credentials: credentials() });
			const last = sandbox.requests.at(-1);
			const leftOut = LEFT_OUT[key];
			if (leftOut) {
				// Still refused for the documented reason (a served operation must not hide here).
				if (last?.status !== 422 || !result.error) failures.push(`${key}: expected the 422 (${leftOut.reason}), got ${last?.status}`);
				continue;
			}
			if (result.error || !last || last.status >= 300) failures.push(`${key}: ${last?.method} ${last?.path} → ${last?.status}: ${result.error?.message ?? ''}`);
			else served.push(key);
		}
		console.log(`built-in HighLevel node: ${served.length} of ${keys.length} operations served; left out: ${Object.entries(LEFT_OUT).map(([k, v]) => `${k} (${v.reason})`).join('; ')}`);
		expect(failures).toEqual([]);
		expect(served.length + Object.keys(LEFT_OUT).length).toBe(keys.length);
	});

	it('gets the 422 message of each left-out operation, naming the undeclared parameter', async () => {
		for (const [key, { message }] of Object.entries(LEFT_OUT)) {
			sandbox.reset();
			const [resource, operation] = key.split(':');
			await runNode({ packageRoot: root, nodeType: 'highLevel', parameters: { resource, operation, ...(await parametersFor(key)) }, credentials: credentials() });
			const refused = sandbox.requests.at(-1)!;
			expect(refused.status).toBe(422);
			const res = await fetch(`${sandbox.url}${refused.path}?${new URLSearchParams(refused.query as Record<string, string>)}`, {
				headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: refused.version ?? '' },
			});
			expect(((await res.json()) as { message: string[] }).message).toContain(message);
		}
	});
});
