// Associations (link types) and relations (links between records).
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { SEEDED_PET_IDS } from '../../sandbox/domains/associations/state';
import { call, demoContacts } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const L = DEMO.locationId;
const store = () => sandbox.state.associations;
const byKey = (key: string) => [...store().associations.values()].find((a) => a.key === key)!;

describe('associations', () => {
	it('lists the associations of the location with skip/limit and total', async () => {
		const res = await call(sandbox, 'GET', `/associations/?locationId=${L}&skip=0&limit=10`);
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(2);
		expect(typeof res.body.traceId).toBe('string');
		expect(res.body.associations.map((a: { key: string }) => a.key)).toEqual(['partner', 'contact_pet']);
		expect(res.body.associations[0]).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{24}$/), locationId: L, key: 'partner', firstObjectKey: 'contact', firstObjectLabel: 'Partner',
			secondObjectKey: 'contact', secondObjectLabel: 'Partner', associationType: 'USER_DEFINED',
		});
		const second = await call(sandbox, 'GET', `/associations/?locationId=${L}&skip=1&limit=10`);
		expect(second.body.associations.map((a: { key: string }) => a.key)).toEqual(['contact_pet']);
		expect((await call(sandbox, 'GET', `/associations/?locationId=${L}`)).status).toBe(422);
	});

	it('gets one by id, by key and by object key', async () => {
		const pets = byKey('contact_pet');
		const byId = await call(sandbox, 'GET', `/associations/${pets.id}`);
		expect(byId.body).toMatchObject({ id: pets.id, key: 'contact_pet', secondObjectKey: 'custom_objects.pets' });
		const missing = await call(sandbox, 'GET', '/associations/ffffffffffffffffffffffff');
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Association not found', error: 'Not Found' });
		const key = await call(sandbox, 'GET', `/associations/key/contact_pet?locationId=${L}`);
		expect(key.body.id).toBe(pets.id);
		expect((await call(sandbox, 'GET', `/associations/key/nope?locationId=${L}`)).status).toBe(404);
		const objects = await call(sandbox, 'GET', `/associations/objectKey/custom_objects.pets?locationId=${L}`);
		expect(objects.body.associations.map((a: { id: string }) => a.id)).toEqual([pets.id]);
		const contacts = await call(sandbox, 'GET', '/associations/objectKey/contact');
		expect(contacts.body.associations).toHaveLength(2);
	});

	it('creates (string labels, unique key), updates and deletes with its relations', async () => {
		const body = { locationId: L, key: 'mentor_mentee', firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'contact', secondObjectLabel: 'Mentee' };
		const created = await call(sandbox, 'POST', '/associations/', { json: body });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ ...body, id: expect.stringMatching(/^[0-9a-f]{24}$/), associationType: 'USER_DEFINED' });
		const id = created.body.id as string;
		expect(store().associations.get(id)).toMatchObject({ key: 'mentor_mentee' });
		const dup = await call(sandbox, 'POST', '/associations/', { json: body });
		expect(dup.status).toBe(400);
		expect((await call(sandbox, 'POST', '/associations/', { json: { ...body, key: 'x', firstObjectKey: 'planet' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', '/associations/', { json: { ...body, key: 'y', firstObjectLabel: { en: 'Mentor' } } })).status).toBe(422);

		const updated = await call(sandbox, 'PUT', `/associations/${id}`, { json: { firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' } });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id, firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' });
		expect(store().associations.get(id)!.firstObjectLabel).toBe('Coach');

		const [a, b] = demoContacts(sandbox);
		const relation = await call(sandbox, 'POST', '/associations/relations', { json: { locationId: L, associationId: id, firstRecordId: a.id, secondRecordId: b.id } });
		expect(relation.status).toBe(201);
		const relationId = relation.body.id as string;
		expect(store().relations.has(relationId)).toBe(true);

		const deleted = await call(sandbox, 'DELETE', `/associations/${id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({ deleted: true, id, message: 'Association deleted successfully' });
		expect(store().associations.has(id)).toBe(false);
		expect(store().relations.has(relationId)).toBe(false);
		expect([...store().relations.values()].some((r) => r.associationId === id)).toBe(false);
		expect((await call(sandbox, 'DELETE', `/associations/${id}`)).status).toBe(404);
	});

	it('deleting a seeded association removes its seeded relations only', async () => {
		const partner = byKey('partner');
		const before = store().relations.size;
		const own = [...store().relations.values()].filter((r) => r.associationId === partner.id).length;
		expect(own).toBe(2);
		await call(sandbox, 'DELETE', `/associations/${partner.id}`);
		expect(store().relations.size).toBe(before - own);
	});
});

describe('relations', () => {
	it('lists the relations of a record, filtered by association and paged', async () => {
		const [c0] = demoContacts(sandbox);
		const res = await call(sandbox, 'GET', `/associations/relations/${c0.id}?locationId=${L}&skip=0&limit=10`);
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(2);
		expect(res.body.relations[0]).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{24}$/), associationId: byKey('partner').id, firstRecordId: c0.id, secondRecordId: expect.any(String), locationId: L,
		});
		const onlyPets = await call(sandbox, 'GET', `/associations/relations/${c0.id}?locationId=${L}&skip=0&limit=10&associationIds=${byKey('contact_pet').id}`);
		expect(onlyPets.body.relations.map((r: { secondRecordId: string }) => r.secondRecordId)).toEqual([SEEDED_PET_IDS[0]]);
		const paged = await call(sandbox, 'GET', `/associations/relations/${c0.id}?locationId=${L}&skip=1&limit=1`);
		expect(paged.body.relations).toHaveLength(1);
		expect(paged.body.total).toBe(2);
		const pet = await call(sandbox, 'GET', `/associations/relations/${SEEDED_PET_IDS[0]}?locationId=${L}&skip=0&limit=10`);
		expect(pet.body.relations.map((r: { firstRecordId: string }) => r.firstRecordId)).toEqual([c0.id]);
	});

	it('creates relations between existing records and deletes them', async () => {
		const contacts = demoContacts(sandbox);
		const partner = byKey('partner');
		const pets = byKey('contact_pet');
		const body = { locationId: L, associationId: partner.id, firstRecordId: contacts[5].id, secondRecordId: contacts[6].id };
		const created = await call(sandbox, 'POST', '/associations/relations', { json: body });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ ...body, id: expect.any(String) });
		expect(store().relations.get(created.body.id)).toMatchObject(body);
		// Same pair again (also swapped, the association being symmetric): refused.
		expect((await call(sandbox, 'POST', '/associations/relations', { json: body })).status).toBe(400);
		expect((await call(sandbox, 'POST', '/associations/relations', { json: { ...body, firstRecordId: body.secondRecordId, secondRecordId: body.firstRecordId } })).status).toBe(400);
		// Contacts must exist; custom object records can be any id.
		const ghost = await call(sandbox, 'POST', '/associations/relations', { json: { ...body, secondRecordId: 'zzzzzzzzzzzzzzzzzzzz' } });
		expect(ghost.status).toBe(404);
		expect(ghost.body.message).toBe('Contact not found');
		const pet = await call(sandbox, 'POST', '/associations/relations', { json: { locationId: L, associationId: pets.id, firstRecordId: contacts[5].id, secondRecordId: 'any-pet-record-1' } });
		expect(pet.status).toBe(201);
		expect((await call(sandbox, 'POST', '/associations/relations', { json: { ...body, associationId: 'ffffffffffffffffffffffff' } })).status).toBe(404);

		const removed = await call(sandbox, 'DELETE', `/associations/relations/${created.body.id}?locationId=${L}`);
		expect(removed.status).toBe(200);
		expect(removed.body).toMatchObject({ id: created.body.id, associationId: partner.id });
		expect(store().relations.has(created.body.id)).toBe(false);
		expect((await call(sandbox, 'DELETE', `/associations/relations/${created.body.id}?locationId=${L}`)).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/associations/relations/${pet.body.id}`)).status).toBe(403);
	});
});
