// Dropdowns and searchable lists, run the way the editor asks n8n for them, against the sandbox.
import type { IDataObject, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { runLoadOptions } from '../harness';
import { oauthCredential, privateToken } from './fixtures';

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
