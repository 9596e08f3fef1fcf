// Dropdowns and searchable lists, run the way the editor asks n8n for them, against the sandbox.
import type { IDataObject, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { runLoadOptions } from '../harness';
import { LOOKUPS } from '../../nodes/GoHighLevel/methods/lookups';
import { shippedActionNodes } from '../contract/shippedNodes';
import { byId, oauthCredential, privateToken, runOperation } from './fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 30 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

async function options(method: string, parameters: IDataObject = {}) {
	return (await runLoadOptions({
		method,
		parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'create', ...parameters },
		credentials: privateToken(sandbox),
	})) as INodePropertyOptions[];
}

async function search(method: string, filter?: string, parameters: IDataObject = {}, credential = privateToken(sandbox)) {
	return (await runLoadOptions({
		method,
		kind: 'listSearch',
		filter,
		parameters: { authentication: credential.type === 'goHighLevelOAuth2Api' ? 'oAuth2' : 'privateIntegrationToken', resource: 'contact', operation: 'get', ...parameters },
		credentials: credential,
	})) as INodeListSearchResult;
}

describe('dropdowns', () => {
	it('loads the location’s contact custom fields by name', async () => {
		const fields = await options('getContactCustomFields');
		const expected = [...sandbox.state.customFields.values()].filter((f) => f.model === 'contact' && f.locationId === DEMO.locationId);
		expect(fields.map((f) => f.value).sort()).toEqual(expected.map((f) => f.id).sort());
		expect(fields.map((f) => f.name)).toContain(expected[0].name);
		expect(sandbox.requests[0]).toMatchObject({ path: `/locations/${DEMO.locationId}/customFields`, query: { model: 'contact' } });
	});

	it('loads users, tags and timezones', async () => {
		const users = await options('getUsers');
		expect(users.length).toBeGreaterThan(0);
		const tags = await options('getTags');
		expect(tags.length).toBeGreaterThan(0);
		expect(tags.every((t) => t.name === t.value)).toBe(true);
		const zones = await options('getTimezones');
		expect(zones.map((z) => z.value)).toContain('America/New_York');
	});
});

describe('searchable lists', () => {
	it('finds contacts by text', async () => {
		const contact = [...sandbox.state.contacts.values()].find((c) => c.email)!;
		const found = await search('searchContacts', contact.email!);
		expect(found.results.map((r) => r.value)).toContain(contact.id);
	});

	it('lists the token’s own location, or the agency’s locations with an agency token', async () => {
		const own = await search('searchLocations');
		expect(own.results).toEqual([{ name: expect.any(String), value: DEMO.locationId }]);

		const agencyToken = { userType: 'Company' as const, companyId: DEMO.companyId };
		const credential = oauthCredential(sandbox, { access_token: sandbox.issueToken(agencyToken), refresh_token: sandbox.issueRefreshToken(agencyToken), ...agencyToken });
		const all = await search('searchLocations', undefined, {}, credential);
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining([DEMO.locationId, DEMO.otherLocationId]));
	});
});

/** Each picker method with the resource and operation of a parameter that uses it, from the node descriptions. */
function pickerUses(): Array<{ nodeType: string; kind: 'loadOptions' | 'listSearch'; method: string; resource: string; operation: string }> {
	const uses = new Map<string, { nodeType: string; kind: 'loadOptions' | 'listSearch'; method: string; resource: string; operation: string }>();
	for (const { node } of shippedActionNodes()) {
		for (const property of node.description.properties) {
			const show = property.displayOptions?.show ?? {};
			const visit = (value: unknown): void => {
				if (Array.isArray(value)) return value.forEach(visit);
				if (!value || typeof value !== 'object') return;
				const o = value as Record<string, unknown>;
				for (const [key, kind] of [['loadOptionsMethod', 'loadOptions'], ['searchListMethod', 'listSearch']] as const) {
					const method = o[key];
					if (typeof method === 'string' && !uses.has(method) && show.resource && show.operation) {
						uses.set(method, { nodeType: node.description.name, kind, method, resource: String(show.resource[0]), operation: String(show.operation[0]) });
					}
				}
				Object.values(o).forEach(visit);
			};
			visit(property);
		}
	}
	return [...uses.values()];
}

describe('every dropdown and searchable list', () => {
	it('answers from the sandbox where the editor uses it, and together they send every location-level lookup (methods/lookups.ts)', async () => {
		const contactId = [...sandbox.state.contacts.values()][0].id;
		const calendarId = [...sandbox.state.calendarStore.calendars.values()][0].id;
		const range = { calendarId: byId(calendarId), startDate: new Date(Date.now() + 86_400_000).toISOString(), endDate: new Date(Date.now() + 6 * 86_400_000).toISOString(), limit: 1 };
		const slot = (await runOperation(sandbox, 'calendar', 'getFreeSlots', range)).items[0].json.slot;
		const booked = await runOperation(sandbox, 'appointment', 'create', { calendarId: byId(calendarId), contactId: byId(contactId), startTime: String(slot) });
		expect(booked.error).toBeUndefined();
		const appointmentId = String(booked.items[0].json.id);
		const context = { contactId: byId(contactId), calendarId: byId(calendarId), appointmentId: byId(appointmentId), resourceType: 'rooms' };
		const before = sandbox.requests.length;
		const uses = pickerUses();
		expect(uses.length).toBeGreaterThan(20);
		for (const use of uses) {
			const result = await runLoadOptions({
				nodeType: use.nodeType,
				method: use.method,
				kind: use.kind,
				parameters: { authentication: 'privateIntegrationToken', resource: use.resource, operation: use.operation, ...context },
				credentials: privateToken(sandbox),
			});
			expect({ method: use.method, answered: Array.isArray(result) || Array.isArray(result.results) }).toEqual({ method: use.method, answered: true });
		}

		const sent = sandbox.requests.slice(before).map((r) => `${r.method} ${r.path}`);
		const agencyOnly = new Set(['agencyUsers', 'locations']);
		for (const [name, lookup] of Object.entries(LOOKUPS).filter(([key]) => !agencyOnly.has(key))) {
			const pattern = new RegExp(`^${lookup.method} ${lookup.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
			expect({ name, sent: sent.some((s) => pattern.test(s)) }).toEqual({ name, sent: true });
		}
	});

	it('lists the agency’s users and locations with an agency token', async () => {
		const agencyToken = { userType: 'Company' as const, companyId: DEMO.companyId };
		const credential = oauthCredential(sandbox, { access_token: sandbox.issueToken(agencyToken), refresh_token: sandbox.issueRefreshToken(agencyToken), ...agencyToken });
		expect((await search('searchUsers', undefined, {}, credential)).results.length).toBeGreaterThan(0);
		expect((await search('searchLocations', undefined, {}, credential)).results.length).toBeGreaterThan(0);
		const sent = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		expect(sent).toEqual(expect.arrayContaining([`GET ${LOOKUPS.agencyUsers.path}`, `GET ${LOOKUPS.locations.path}`]));
	});
});
