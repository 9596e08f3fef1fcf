// Locations, custom fields, tags, time zones and users.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { call } from './helpers';

let sandbox: Sandbox;
let company: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
	company = sandbox.issueToken({ userType: 'Company' });
});
afterAll(async () => await sandbox.close());

describe('locations', () => {
	it('searches the locations of the company', async () => {
		const res = await call(sandbox, 'GET', `/locations/search?companyId=${DEMO.companyId}`, { token: company });
		expect(res.status).toBe(200);
		expect(res.body.locations.map((l: { name: string }) => l.name)).toEqual(['Sandbox Dental', 'Sandbox Physio']);
		const desc = await call(sandbox, 'GET', `/locations/search?order=desc&limit=1`, { token: company });
		expect(desc.body.locations.map((l: { id: string }) => l.id)).toEqual([DEMO.otherLocationId]);
		const skipped = await call(sandbox, 'GET', `/locations/search?skip=1`, { token: company });
		expect(skipped.body.locations).toHaveLength(1);
		const byLocationToken = await call(sandbox, 'GET', `/locations/search`);
		expect(byLocationToken.body.locations.map((l: { id: string }) => l.id)).toEqual([DEMO.locationId]);
	});

	it('gets a location with its settings', async () => {
		const res = await call(sandbox, 'GET', `/locations/${DEMO.locationId}`);
		expect(res.body.location).toMatchObject({
			id: DEMO.locationId,
			companyId: DEMO.companyId,
			name: 'Sandbox Dental',
			timezone: 'America/Los_Angeles',
			settings: { allowDuplicateContact: false },
		});
		expect((await call(sandbox, 'GET', '/locations/unknownLocation000001', { token: company })).status).toBe(404);
	});

	it('lists tags and time zones', async () => {
		const tags = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/tags`);
		expect(tags.body.tags.length).toBeGreaterThanOrEqual(5);
		expect(tags.body.tags[0]).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), name: expect.any(String), locationId: DEMO.locationId });
		const zones = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/timezones`);
		expect(zones.body.timeZones.length).toBeGreaterThanOrEqual(25);
		expect(zones.body.timeZones).toContain('America/New_York');
	});
});

describe('custom fields', () => {
	it('lists the contact fields by default and filters by model', async () => {
		const contact = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields`);
		expect(contact.body.customFields.map((f: { name: string }) => f.name)).toEqual([
			'Favourite Colour', 'Lead Score', 'Preferred Channel', 'Interests', 'Renewal Date', 'Notes Summary',
		]);
		expect(contact.body.customFields.map((f: { dataType: string }) => f.dataType)).toEqual(['TEXT', 'NUMERICAL', 'SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'DATE', 'LARGE_TEXT']);
		expect(contact.body.customFields[0]).toMatchObject({ fieldKey: 'contact.favourite_colour', model: 'contact', locationId: DEMO.locationId, position: 0 });
		expect(contact.body.customFields[2].picklistOptions).toEqual(['Email', 'SMS', 'Phone', 'WhatsApp']);
		const opportunity = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields?model=opportunity`);
		expect(opportunity.body.customFields).toHaveLength(2);
		const all = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields?model=all`);
		expect(all.body.customFields).toHaveLength(8);
	});

	it('gets one field by id', async () => {
		const id = [...sandbox.state.customFields.values()].find((f) => f.locationId === DEMO.locationId)!.id;
		const res = await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields/${id}`);
		expect(res.body.customField.id).toBe(id);
		expect((await call(sandbox, 'GET', `/locations/${DEMO.locationId}/customFields/missing`)).status).toBe(404);
	});
});

describe('users', () => {
	it('lists the users of a location (deprecated endpoint)', async () => {
		const res = await call(sandbox, 'GET', `/users/?locationId=${DEMO.locationId}`);
		expect(res.status).toBe(200);
		expect(res.body.users.map((u: { id: string }) => u.id).sort()).toEqual([...DEMO.userIds].sort());
		const other = sandbox.issueToken({ userType: 'Location', locationId: DEMO.otherLocationId });
		const fewer = await call(sandbox, 'GET', `/users/?locationId=${DEMO.otherLocationId}`, { token: other });
		expect(fewer.body.users).toHaveLength(2);
	});

	it('searches users of the company', async () => {
		const all = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}`, { token: company });
		expect(all.body.count).toBe(4);
		const byQuery = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&query=priya&limit=5`, { token: company });
		expect(byQuery.body).toMatchObject({ count: 1, users: [{ firstName: 'Priya' }] });
		const paged = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&skip=1&limit=2`, { token: company });
		expect(paged.body.users).toHaveLength(2);
		expect(paged.body.count).toBe(4);
		expect((await call(sandbox, 'GET', '/users/search', { token: company })).status).toBe(422);
		expect((await call(sandbox, 'GET', '/users/search?companyId=someoneElse', { token: company })).status).toBe(403);
	});

	it('gets a user by id', async () => {
		const res = await call(sandbox, 'GET', `/users/${DEMO.userIds[1]}`);
		expect(res.body).toMatchObject({ id: DEMO.userIds[1], firstName: 'Priya', roles: { locationIds: [DEMO.locationId] } });
		expect((await call(sandbox, 'GET', '/users/nobody', { token: company })).status).toBe(404);
	});
});
