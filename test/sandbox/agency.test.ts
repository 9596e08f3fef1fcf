// Agency routes (snapshots, company, new sub-accounts) and user management.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { DEMO_SNAPSHOTS } from '../../sandbox/domains/agency/state';
import { FOREIGN_COMPANY_ID } from '../../sandbox/demo';
import { call } from './helpers';

let sandbox: Sandbox;
let company: string;
/** Not a secret: a throwaway value for the sandbox's CreateUserDto. */
const PASSWORD = ['sandbox', 'pw', '1'].join('-');

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 3 });
	company = sandbox.issueToken({ userType: 'Company' });
});
afterAll(async () => await sandbox.close());

const TYPE_REFUSED = { statusCode: 401, message: 'The token type is not allowed for this route', error: 'Unauthorized' };

describe('GET /snapshots/', () => {
	it('lists the snapshots of the company', async () => {
		const res = await call(sandbox, 'GET', `/snapshots/?companyId=${DEMO.companyId}`, { token: company });
		expect(res.status).toBe(200);
		expect(res.body.snapshots).toEqual(DEMO_SNAPSHOTS.map((s) => ({ id: s.id, name: s.name, type: s.type })));
		expect(res.body.traceId).toEqual(expect.any(String));
		expect((await call(sandbox, 'GET', `/snapshots/?companyId=${DEMO.companyId}`, { token: DEMO.agencyPrivateToken })).status).toBe(200);
	});

	it('refuses a Location token, another company and a missing companyId', async () => {
		const located = await call(sandbox, 'GET', `/snapshots/?companyId=${DEMO.companyId}`);
		expect(located.status).toBe(401);
		expect(located.body).toMatchObject(TYPE_REFUSED);
		expect((await call(sandbox, 'GET', `/snapshots/?companyId=${FOREIGN_COMPANY_ID}`, { token: company })).status).toBe(403);
		expect((await call(sandbox, 'GET', '/snapshots/', { token: company })).status).toBe(422);
	});
});

describe('GET /companies/{companyId}', () => {
	it('answers the company', async () => {
		const res = await call(sandbox, 'GET', `/companies/${DEMO.companyId}`, { token: company });
		expect(res.status).toBe(200);
		expect(res.body.company).toMatchObject({
			id: DEMO.companyId, name: 'Sandbox Agency', email: 'owner@sandbox-agency.example', phone: '+14155550100', website: 'https://sandbox-agency.example',
			customerType: 'agency', locationCount: 2, country: 'US', timezone: expect.any(String),
		});
	});

	it('refuses a Location token (401), another company (403), unknown ids (404)', async () => {
		expect((await call(sandbox, 'GET', `/companies/${DEMO.companyId}`)).body).toMatchObject(TYPE_REFUSED);
		expect((await call(sandbox, 'GET', `/companies/${FOREIGN_COMPANY_ID}`, { token: company })).status).toBe(403);
		const missing = await call(sandbox, 'GET', '/companies/missingCompany000001', { token: company });
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Company not found', error: 'Not Found' });
	});
});

describe('POST /locations/', () => {
	it('creates a sub-account that search and get then see', async () => {
		const res = await call(sandbox, 'POST', '/locations/', {
			token: company,
			json: {
				name: 'Sandbox Ortho', companyId: DEMO.companyId, phone: '+14155550199', address: '1 Main St', city: 'Oakland', state: 'CA', country: 'US',
				postalCode: '94601', website: 'https://ortho.example', timezone: 'America/Los_Angeles',
				prospectInfo: { firstName: 'Ola', lastName: 'Nordmann', email: 'ola@ortho.example' },
				settings: { allowDuplicateContact: true }, social: { facebookUrl: 'https://facebook.com/ortho' }, snapshotId: DEMO_SNAPSHOTS[0].id,
			},
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), companyId: DEMO.companyId, name: 'Sandbox Ortho', email: 'ola@ortho.example', city: 'Oakland',
			country: 'US', timezone: 'America/Los_Angeles', settings: { allowDuplicateContact: true, allowDuplicateOpportunity: false }, social: { facebookUrl: 'https://facebook.com/ortho' },
		});
		const id = res.body.id;
		expect(sandbox.state.locations.get(id)).toMatchObject({ companyId: DEMO.companyId, name: 'Sandbox Ortho', firstName: 'Ola' });

		const all = await call(sandbox, 'GET', `/locations/search?companyId=${DEMO.companyId}`, { token: company });
		expect(all.body.locations.map((l: { name: string }) => l.name)).toEqual(['Sandbox Dental', 'Sandbox Ortho', 'Sandbox Physio']);
		const paged = await call(sandbox, 'GET', `/locations/search?companyId=${DEMO.companyId}&skip=1&limit=1`, { token: company });
		expect(paged.body.locations.map((l: { id: string }) => l.id)).toEqual([id]);
		const got = await call(sandbox, 'GET', `/locations/${id}`, { token: company });
		expect(got.body.location).toMatchObject({ id, name: 'Sandbox Ortho' });
		expect((await call(sandbox, 'GET', `/companies/${DEMO.companyId}`, { token: company })).body.company.locationCount).toBe(3);
	});

	it('refuses a Location token, another company, a missing name, an unknown snapshot', async () => {
		const before = sandbox.state.locations.size;
		expect((await call(sandbox, 'POST', '/locations/', { json: { name: 'X', companyId: DEMO.companyId } })).body).toMatchObject(TYPE_REFUSED);
		expect((await call(sandbox, 'POST', '/locations/', { token: company, json: { name: 'X', companyId: FOREIGN_COMPANY_ID } })).status).toBe(403);
		const noName = await call(sandbox, 'POST', '/locations/', { token: company, json: { companyId: DEMO.companyId } });
		expect(noName.status).toBe(422);
		expect(noName.body.message).toEqual(['name should not be empty']);
		const badCountry = await call(sandbox, 'POST', '/locations/', { token: company, json: { name: 'X', companyId: DEMO.companyId, country: 'Narnia' } });
		expect(badCountry.status).toBe(422);
		expect((await call(sandbox, 'POST', '/locations/', { token: company, json: { name: 'X', companyId: DEMO.companyId, snapshotId: 'nope' } })).status).toBe(400);
		expect(sandbox.state.locations.size).toBe(before);
	});
});

describe('users', () => {
	it('searches the users of the company (query, role, type, location, paging)', async () => {
		const all = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}`, { token: company });
		expect(all.status).toBe(200);
		expect(all.body.count).toBe(4);
		const byQuery = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&query=priya`, { token: company });
		expect(byQuery.body.users.map((u: { id: string }) => u.id)).toEqual([DEMO.userIds[1]]);
		const admins = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&role=admin&type=account`, { token: company });
		expect(admins.body.users.map((u: { id: string }) => u.id)).toEqual([DEMO.userIds[1]]);
		const physio = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&locationId=${DEMO.otherLocationId}`, { token: company });
		expect(physio.body.count).toBe(2);
		const page = await call(sandbox, 'GET', `/users/search?companyId=${DEMO.companyId}&skip=1&limit=2`, { token: company });
		expect(page.body).toMatchObject({ count: 4 });
		expect(page.body.users).toHaveLength(2);
		expect((await call(sandbox, 'GET', '/users/search', { token: company })).status).toBe(422);
	});

	it('filters by e-mail with a Company token only', async () => {
		const emails = [...sandbox.state.users.values()].slice(0, 2).map((u) => u.email.toUpperCase());
		const res = await call(sandbox, 'POST', '/users/search/filter-by-email', { token: company, json: { companyId: DEMO.companyId, emails: `${emails.join(', ')},nobody@example.com` } });
		expect(res.status).toBe(200);
		expect(res.body.count).toBe(2);
		expect(res.body.users.map((u: { email: string }) => u.email.toUpperCase()).sort()).toEqual([...emails].sort());
		expect((await call(sandbox, 'POST', '/users/search/filter-by-email', { json: { companyId: DEMO.companyId, emails: emails[0] } })).body).toMatchObject(TYPE_REFUSED);
		expect((await call(sandbox, 'POST', '/users/search/filter-by-email', { token: company, json: { companyId: DEMO.companyId } })).status).toBe(422);
	});

	it('creates (201), gets, updates and deletes a user', async () => {
		const created = await call(sandbox, 'POST', '/users/', {
			token: company,
			json: {
				companyId: DEMO.companyId, firstName: 'Nia', lastName: 'Long', email: 'nia.long@sandbox-agency.example', password: PASSWORD,
				phone: '4155550177', type: 'account', role: 'user', locationIds: [DEMO.locationId], permissions: { campaignsEnabled: false },
				scopes: ['contacts.write'],
			},
		});
		expect(created.status).toBe(201);
		const user = created.body;
		expect(user).toMatchObject({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), name: 'Nia Long', firstName: 'Nia', lastName: 'Long', email: 'nia.long@sandbox-agency.example', phone: '+14155550177',
			roles: { type: 'account', role: 'user', locationIds: [DEMO.locationId] }, permissions: { campaignsEnabled: false, contactsEnabled: true }, scopes: ['contacts.write'],
		});
		expect(user).not.toHaveProperty('password');
		expect(sandbox.state.users.get(user.id)).toMatchObject({ companyId: DEMO.companyId, deleted: false });

		const got = await call(sandbox, 'GET', `/users/${user.id}`);
		expect(got.status).toBe(200);
		expect(got.body).toMatchObject({ id: user.id, name: 'Nia Long' });
		const listed = await call(sandbox, 'GET', `/users/?locationId=${DEMO.locationId}`);
		expect(listed.body.users.map((u: { id: string }) => u.id)).toContain(user.id);

		const updated = await call(sandbox, 'PUT', `/users/${user.id}`, { token: company, json: { lastName: 'Longworth', role: 'admin', permissions: { campaignsEnabled: true } } });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id: user.id, name: 'Nia Longworth', email: 'nia.long@sandbox-agency.example', roles: { role: 'admin', type: 'account', locationIds: [DEMO.locationId] }, permissions: { campaignsEnabled: true } });
		expect(sandbox.state.users.get(user.id)!.lastName).toBe('Longworth');

		const removed = await call(sandbox, 'DELETE', `/users/${user.id}`, { token: company });
		expect(removed.status).toBe(200);
		expect(removed.body).toMatchObject({ succeded: true, message: 'Queued deleting user with e-mail nia.long@sandbox-agency.example and name Nia Longworth. Will take effect in a few minutes.' });
		expect(sandbox.state.users.get(user.id)!.deleted).toBe(true);
		expect((await call(sandbox, 'GET', `/users/${user.id}`, { token: company })).status).toBe(404);
		const deleted = await call(sandbox, 'POST', '/users/search/filter-by-email', { token: company, json: { companyId: DEMO.companyId, emails: 'nia.long@sandbox-agency.example', deleted: true } });
		expect(deleted.body.users.map((u: { id: string }) => u.id)).toEqual([user.id]);
	});

	it('refuses duplicates, bad types, foreign locations and unknown ids', async () => {
		const base = { companyId: DEMO.companyId, firstName: 'A', lastName: 'B', password: PASSWORD, type: 'account', role: 'user', locationIds: [DEMO.locationId] };
		const dup = await call(sandbox, 'POST', '/users/', { token: company, json: { ...base, email: sandbox.state.users.get(DEMO.userIds[1])!.email } });
		expect(dup.status).toBe(400);
		expect((await call(sandbox, 'POST', '/users/', { token: company, json: { ...base, email: 'a.b@example.com', type: 'owner' } })).status).toBe(422);
		const location = await call(sandbox, 'POST', '/users/', { json: { ...base, email: 'c.d@example.com', locationIds: [DEMO.otherLocationId] } });
		expect(location.status).toBe(403);
		expect((await call(sandbox, 'POST', '/users/', { json: { ...base, email: 'e.f@example.com', type: 'agency' } })).status).toBe(403);
		expect((await call(sandbox, 'POST', '/users/', { token: company, json: { ...base, email: 'not-an-email' } })).status).toBe(422);
		expect((await call(sandbox, 'PUT', '/users/missingUser000000001', { token: company, json: { firstName: 'X' } })).status).toBe(404);
		expect((await call(sandbox, 'DELETE', '/users/missingUser000000001', { token: company })).status).toBe(404);
		const byLocation = await call(sandbox, 'POST', '/users/', { json: { ...base, email: 'g.h@example.com' } });
		expect(byLocation.status).toBe(201);
	});
});
