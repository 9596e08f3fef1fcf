// End to end in a real n8n 2.41 (CLI): the package installed as a community package, credentials
// and workflows imported with `n8n import:*`, each workflow run with `n8n execute`, against the
// sandbox. One workflow per resource group; the output JSON and the sandbox state are checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nInstance } from '../../scripts/n8n/instance';
import { outputOf } from '../../scripts/n8n/instance';
import { PACKAGE_NAME } from '../../scripts/n8n/package';
import { ROOT } from '../../scripts/n8n/paths';
import type { Sandbox } from '../../sandbox';
import { DEMO, DEMO_WORKFLOWS } from '../../sandbox';
import { newInstance, newSandbox, oauthTokens, sandboxCredentials } from './setup';
import { byId, chainWorkflow } from './workflows';

let sandbox: Sandbox;
let n8n: N8nInstance;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const node = (name: string) => `={{ $('${name}').item.json`;

const contacts = chainWorkflow('e2eContacts0001', 'Contacts', [
	{ name: 'Create contact', resource: 'contact', operation: 'create', parameters: { email: 'grace.e2e@example.com', additionalFields: { firstName: 'Grace', lastName: 'Hopper', source: 'n8n e2e' } } },
	{ name: 'Add tags', resource: 'contact', operation: 'addTags', parameters: { contactId: byId(`${node('Create contact')}.id }}`), tags: ['e2e', 'vip'] } },
	{ name: 'Create task', resource: 'contactTask', operation: 'create', parameters: { contactId: byId(`${node('Create contact')}.id }}`), title: 'Welcome call', dueDate: '2031-01-15T09:30:00.000Z' } },
	{ name: 'Add note', resource: 'contactNote', operation: 'create', parameters: { contactId: byId(`${node('Create contact')}.id }}`), body: 'Created by the n8n end-to-end test' } },
	{ name: 'Update contact', resource: 'contact', operation: 'update', parameters: { contactId: byId(`${node('Create contact')}.id }}`), updateFields: { city: 'Arlington' } } },
	{ name: 'Get contact', resource: 'contact', operation: 'get', parameters: { contactId: byId(`${node('Create contact')}.id }}`) } },
	{ name: 'Search contacts', resource: 'contact', operation: 'search', parameters: { limit: 5 } },
	{ name: 'Add to workflow', resource: 'contact', operation: 'addToWorkflow', parameters: { contactId: byId(`${node('Create contact')}.id }}`), workflowId: byId(DEMO_WORKFLOWS[0].id) } },
]);

const calendars = chainWorkflow('e2eCalendars001', 'Calendars and appointments', [
	{ name: 'List calendars', resource: 'calendar', operation: 'getAll', parameters: { limit: 1 } },
	{ name: 'Free slots', resource: 'calendar', operation: 'getFreeSlots', parameters: { calendarId: byId(`${node('List calendars')}.id }}`), startDate: iso(Date.now() + DAY), endDate: iso(Date.now() + 6 * DAY), limit: 1 } },
	{ name: 'Find a contact', resource: 'contact', operation: 'list', parameters: { limit: 1 } },
	{
		name: 'Book appointment',
		resource: 'appointment',
		operation: 'create',
		parameters: { calendarId: byId(`${node('List calendars')}.id }}`), contactId: byId(`${node('Find a contact')}.id }}`), startTime: `${node('Free slots')}.slot }}` },
	},
	{ name: 'Note on appointment', resource: 'appointmentNote', operation: 'create', parameters: { appointmentId: byId(`${node('Book appointment')}.id }}`), body: 'Bring X-rays' } },
	{
		name: 'Calendar events',
		resource: 'calendarEvent',
		operation: 'getAll',
		parameters: { eventsOf: 'calendar', calendarId: byId(`${node('List calendars')}.id }}`), startTime: iso(Date.now()), endTime: iso(Date.now() + 8 * DAY), returnAll: true },
	},
]);

const opportunities = chainWorkflow('e2eOpportunit01', 'Opportunities', [
	{ name: 'Pipelines', resource: 'opportunity', operation: 'listPipelines' },
	{ name: 'Find a contact', resource: 'contact', operation: 'list', parameters: { limit: 1 } },
	{
		name: 'Create opportunity',
		resource: 'opportunity',
		operation: 'create',
		parameters: { pipelineId: `${node('Pipelines')}.id }}`, name: 'Implant package (e2e)', status: 'open', contactId: byId(`${node('Find a contact')}.id }}`), additionalFields: { monetaryValue: 4200 } },
	},
	{ name: 'Mark won', resource: 'opportunity', operation: 'updateStatus', parameters: { opportunityId: byId(`${node('Create opportunity')}.id }}`), status: 'won' } },
	{ name: 'Search opportunities', resource: 'opportunity', operation: 'search', parameters: { limit: 3 } },
]);

const people = chainWorkflow('e2ePeople000001', 'Users, businesses, locations, custom fields, companies', [
	{ name: 'Users', resource: 'user', operation: 'listByLocation', parameters: { returnAll: true } },
	{ name: 'Create business', resource: 'business', operation: 'create', parameters: { name: 'Acme Dental Supplies (e2e)', additionalFields: { city: 'Porto' } } },
	{ name: 'Get business', resource: 'business', operation: 'get', parameters: { businessId: byId(`${node('Create business')}.id }}`) } },
	{ name: 'Location', resource: 'location', operation: 'get' },
	{ name: 'Custom fields', resource: 'location', operation: 'listCustomFields', parameters: { model: 'contact', returnAll: true } },
	{ name: 'Company', resource: 'location', operation: 'getCompany', parameters: { companyId: DEMO.companyId }, credential: 'agency' },
	{ name: 'Workflows', resource: 'automation', operation: 'listWorkflows', parameters: { returnAll: true } },
	{ name: 'Snapshots', resource: 'snapshot', operation: 'listSnapshots', parameters: { companyId: DEMO.companyId, returnAll: true }, credential: 'agency' },
]);

const conversations = chainWorkflow('e2eConversati01', 'Conversations, associations, blogs', [
	{ name: 'Conversations', resource: 'conversation', operation: 'search', parameters: { limit: 1 } },
	{ name: 'Messages', resource: 'conversation', operation: 'getMessages', parameters: { conversationId: byId(`${node('Conversations')}.id }}`), limit: 2 } },
	{ name: 'Associations', resource: 'association', operation: 'getAll', parameters: { returnAll: true } },
	{ name: 'Blogs', resource: 'blog', operation: 'getBlogs', parameters: { returnAll: true } },
	{ name: 'Check slug', resource: 'blog', operation: 'checkSlug', parameters: { urlSlug: 'n8n-e2e-launch' } },
]);

const oauth = chainWorkflow('e2eOAuthRefres1', 'OAuth2 refresh', [{ name: 'Contacts via OAuth', resource: 'contact', operation: 'list', parameters: { limit: 2 }, credential: 'oauth' }]);

beforeAll(async () => {
	sandbox = await newSandbox();
	n8n = await newInstance('cli');
	await n8n.importCredentials(sandboxCredentials(sandbox, await oauthTokens(sandbox)));
	await n8n.importWorkflows([contacts, calendars, opportunities, people, conversations, oauth]);
});
afterAll(async () => await sandbox?.close());

async function execute(workflowId: string) {
	const result = await n8n.execute(workflowId);
	if (!result.ok) throw new Error(`execution failed:\n${result.output.slice(-4000)}`);
	return result.run;
}

describe('n8n execute with n8n-nodes-gohighlevel installed as a community package', () => {
	it('n8n lists every node of the package under the package name', async () => {
		const result = await n8n.command(['export:nodes', `--output=${n8n.options.userFolder}/nodes.json`]);
		expect(result.code).toBe(0);
		const types = (JSON.parse(readFileSync(`${n8n.options.userFolder}/nodes.json`, 'utf8')) as Array<{ name: string }>).map((t) => t.name);
		const ours = (JSON.parse(readFileSync(join(ROOT, 'dist/known/nodes.json'), 'utf8')) as Record<string, unknown>);
		expect(Object.keys(ours).length).toBeGreaterThanOrEqual(5);
		expect(types).toEqual(expect.arrayContaining(Object.keys(ours).map((name) => `${PACKAGE_NAME}.${name}`)));
	});

	it('contacts: create, tag, task, note, update, get, search, add to workflow', async () => {
		const run = await execute('e2eContacts0001');
		const [created] = outputOf(run, 'Create contact');
		expect(created).toMatchObject({ email: 'grace.e2e@example.com', firstName: 'Grace' });
		const id = String(created.id);
		expect(outputOf(run, 'Get contact')[0]).toMatchObject({ id, city: 'Arlington', tags: expect.arrayContaining(['e2e', 'vip']) });
		expect(outputOf(run, 'Search contacts')).toHaveLength(5);
		const stored = sandbox.state.contacts.get(id)!;
		expect(stored).toMatchObject({ firstName: 'Grace', city: 'Arlington' });
		expect([...sandbox.state.tasks.values()].filter((t) => t.contactId === id).map((t) => t.title)).toEqual(['Welcome call']);
		expect([...sandbox.state.notes.values()].filter((n) => n.contactId === id).map((n) => n.body)).toEqual(['Created by the n8n end-to-end test']);
		expect(outputOf(run, 'Add to workflow')[0]).toEqual({ success: true, contactId: id, workflowId: DEMO_WORKFLOWS[0].id });
		expect(sandbox.state.workflowEnrolments.get(id)?.has(DEMO_WORKFLOWS[0].id)).toBe(true);
	});

	it('calendars: free slot, booking, note on it, events of the calendar', async () => {
		const run = await execute('e2eCalendars001');
		const [slot] = outputOf(run, 'Free slots');
		const [booked] = outputOf(run, 'Book appointment');
		expect(booked.startTime).toBe(slot.slot);
		expect(sandbox.state.appointments.get(String(booked.id))).toBeDefined();
		expect(outputOf(run, 'Note on appointment')[0]).toMatchObject({ body: 'Bring X-rays' });
		expect(outputOf(run, 'Calendar events').map((e) => e.id)).toContain(booked.id);
	});

	it('opportunities: create in a pipeline, mark won, search', async () => {
		const run = await execute('e2eOpportunit01');
		const [created] = outputOf(run, 'Create opportunity');
		expect(created).toMatchObject({ name: 'Implant package (e2e)', monetaryValue: 4200 });
		expect(sandbox.state.opportunities.get(String(created.id))?.status).toBe('won');
		expect(outputOf(run, 'Search opportunities')).toHaveLength(3);
	});

	it('users, businesses, location, custom fields, company (agency token), workflows; snapshots in GoHighLevel Agency', async () => {
		const run = await execute('e2ePeople000001');
		expect(outputOf(run, 'Users').length).toBeGreaterThan(0);
		const [business] = outputOf(run, 'Create business');
		expect(outputOf(run, 'Get business')[0]).toMatchObject({ id: business.id, name: 'Acme Dental Supplies (e2e)' });
		expect(outputOf(run, 'Location')[0]).toMatchObject({ id: DEMO.locationId });
		expect(outputOf(run, 'Custom fields').length).toBeGreaterThan(0);
		expect(outputOf(run, 'Company')[0]).toMatchObject({ id: DEMO.companyId });
		expect(outputOf(run, 'Workflows').map((w) => w.id)).toContain(DEMO_WORKFLOWS[0].id);
		expect(outputOf(run, 'Snapshots').length).toBeGreaterThan(0);
	});

	it('conversations, messages, associations; blogs in GoHighLevel Marketing', async () => {
		const run = await execute('e2eConversati01');
		const [conversation] = outputOf(run, 'Conversations');
		expect(sandbox.state.conversations.conversations.has(String(conversation.id))).toBe(true);
		expect(outputOf(run, 'Messages')).toHaveLength(2);
		expect(outputOf(run, 'Associations').length).toBeGreaterThan(0);
		expect(outputOf(run, 'Blogs').length).toBeGreaterThan(0);
		expect(outputOf(run, 'Check slug')[0]).toMatchObject({ exists: false });
	});

	it('OAuth2: an expired access token is refreshed through the sandbox token endpoint and the new tokens are stored', async () => {
		const before = sandbox.requests.length;
		const run = await execute('e2eOAuthRefres1');
		expect(outputOf(run, 'Contacts via OAuth')).toHaveLength(2);
		const calls = sandbox.requests.slice(before).map((r) => `${r.status} ${r.method} ${r.path}`);
		expect(calls).toEqual(['401 GET /contacts/', '200 POST /oauth/token', '200 GET /contacts/']);
		const exported = await n8n.command(['export:credentials', '--id=ghlE2eOAuth0001', '--decrypted', `--output=${n8n.options.userFolder}/oauth.json`]);
		expect(exported.code).toBe(0);
		const [stored] = JSON.parse(readFileSync(`${n8n.options.userFolder}/oauth.json`, 'utf8')) as Array<{ data: { oauthTokenData: { access_token: string } } }>;
		expect(stored.data.oauthTokenData.access_token).not.toBe('expired-access-token-from-an-earlier-day');
	});
});
