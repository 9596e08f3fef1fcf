// Custom-field ids are checked against the location's definitions before a write: HighLevel answers
// 201 to an id it does not know (e.g. one copied from another sub-account) and stores nothing, so an
// unchecked id loses the value silently.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { run } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

/** A field that exists, but in the other sub-account: its id is well-formed and real. */
function fieldOfOtherLocation(model: 'contact' | 'opportunity') {
	const id = model === 'contact' ? 'OtherLocCF0000000001' : 'OtherLocCF0000000002';
	sandbox.state.customFields.set(id, {
		id, locationId: DEMO.otherLocationId, model, name: 'Elsewhere', fieldKey: `${model}.elsewhere`, dataType: 'TEXT', placeholder: '', position: 1,
	});
	return id;
}

const definitionRequests = () => apiRequests(sandbox).filter((r) => r.method === 'GET' && r.path.endsWith('/customFields'));
const writes = () => apiRequests(sandbox).filter((r) => r.method !== 'GET');

describe('custom-field ids', () => {
	it('refuses a contact write with an id the location does not define, naming it, before sending', async () => {
		const foreign = fieldOfOtherLocation('contact');
		const result = await run('contact', 'create', { email: 'cf@example.com', customFields: { field: [{ id: foreign, value: 'lost' }] } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(`"${foreign}"`);
		expect(result.error?.description).toMatch(/silently drop/);
		expect(writes()).toHaveLength(0);
		expect([...sandbox.state.contacts.values()].some((c) => c.email === 'cf@example.com')).toBe(false);
	});

	it('refuses an unknown id in an opportunity write as well', async () => {
		const foreign = fieldOfOtherLocation('opportunity');
		const pipeline = [...sandbox.state.pipelines.values()].find((p) => p.locationId === DEMO.locationId)!;
		const result = await run('opportunity', 'create', {
			pipelineId: pipeline.id,
			name: 'Foreign field',
			status: 'open',
			contactId: byId([...sandbox.state.contacts.values()][0].id),
			customFields: { field: [{ id: foreign, value: 'x' }] },
		});
		expect(result.error?.message).toContain(`"${foreign}"`);
		expect(writes()).toHaveLength(0);
	});

	it('sends known ids unchanged, looking the definitions up once per execution', async () => {
		const field = [...sandbox.state.customFields.values()].find((f) => f.model === 'contact' && f.locationId === DEMO.locationId)!;
		const result = await run(
			'contact',
			'create',
			{ email: '={{ $json.email }}', customFields: { field: [{ id: field.id, value: 'kept' }] } },
			{ inputItems: [{ json: { email: 'a@example.com' } }, { json: { email: 'b@example.com' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(definitionRequests()).toHaveLength(1);
		for (const write of writes()) expect(write.body).toMatchObject({ customFields: [{ id: field.id, field_value: 'kept' }] });
	});
});
