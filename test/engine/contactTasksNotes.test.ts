// Contact tasks and notes: every operation through the engine, checked again through the API.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, runOperation } from './fixtures';

let sandbox: Sandbox;
let contactId: string;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	contactId = [...sandbox.state.contacts.values()][0].id;
});

const task = (operation: string, parameters: Record<string, unknown> = {}) =>
	runOperation(sandbox, 'contactTask', operation, { contactId: byId(contactId), ...parameters });
const note = (operation: string, parameters: Record<string, unknown> = {}) =>
	runOperation(sandbox, 'contactNote', operation, { contactId: byId(contactId), ...parameters });

describe('Contact Task', () => {
	it('creates, lists, gets, updates, completes and deletes a task', async () => {
		const created = await task('create', {
			title: 'Call back',
			dueDate: '2030-01-15T09:30:00.000Z',
			additionalFields: { body: 'About the renewal', assignedTo: DEMO.userIds[1] },
		});
		expect(created.error).toBeUndefined();
		const taskId = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ title: 'Call back', completed: false, assignedTo: DEMO.userIds[1] });
		expect(apiRequests(sandbox)[0].body).toEqual({
			title: 'Call back',
			dueDate: '2030-01-15T09:30:00.000Z',
			completed: false,
			body: 'About the renewal',
			assignedTo: DEMO.userIds[1],
		});

		const listed = await task('getAll', { returnAll: true });
		expect(listed.items.map((i) => i.json.id)).toContain(taskId);

		const got = await task('get', { taskId: byId(taskId) });
		expect(got.items[0].json).toMatchObject({ id: taskId, title: 'Call back' });

		const updated = await task('update', { taskId: byId(taskId), updateFields: { title: 'Call back today' } });
		expect(updated.items[0].json).toMatchObject({ id: taskId, title: 'Call back today', body: 'About the renewal' });

		const completed = await task('complete', { taskId: byId(taskId) });
		expect(completed.items[0].json).toMatchObject({ id: taskId, completed: true });
		const reopened = await task('complete', { taskId: byId(taskId), completed: false });
		expect(reopened.items[0].json).toMatchObject({ completed: false });

		const deleted = await task('delete', { taskId: byId(taskId) });
		expect(deleted.items[0].json).toEqual({ success: true, contactId, taskId });
		const gone = await task('get', { taskId: byId(taskId) });
		expect(gone.error?.message).toMatch(/\[404\]/);
	});

	it('names the missing title and due date before sending anything', async () => {
		const noTitle = await task('create', { title: '={{ $json.nothing }}', dueDate: '2030-01-01T00:00:00Z' });
		expect(noTitle.error?.message).toMatch(/^Title: this parameter is required/);
		const badDate = await task('create', { title: 'x', dueDate: '={{ "tomorrow-ish" }}' });
		expect(badDate.error?.message).toMatch(/^Due Date: "tomorrow-ish" is not a valid date/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Contact Note', () => {
	it('creates, lists, gets, updates and deletes a note', async () => {
		const created = await note('create', { body: 'Prefers email', additionalFields: { userId: DEMO.userIds[1] } });
		expect(created.error).toBeUndefined();
		const noteId = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ body: 'Prefers email', userId: DEMO.userIds[1] });

		const listed = await note('getAll', { returnAll: true });
		expect(listed.items.map((i) => i.json.id)).toContain(noteId);
		const limited = await note('getAll', { limit: 1 });
		expect(limited.items).toHaveLength(1);

		const got = await note('get', { noteId: byId(noteId) });
		expect(got.items[0].json).toMatchObject({ id: noteId, body: 'Prefers email' });

		const updated = await note('update', { noteId: byId(noteId), updateFields: { body: 'Prefers SMS' } });
		expect(updated.items[0].json).toMatchObject({ id: noteId, body: 'Prefers SMS' });
		expect(apiRequests(sandbox).at(-1)).toMatchObject({ method: 'PUT', path: `/contacts/${contactId}/notes/${noteId}` });

		const deleted = await note('delete', { noteId: byId(noteId) });
		expect(deleted.items[0].json).toEqual({ success: true, contactId, id: noteId });
		const after = await note('getAll', { returnAll: true });
		expect(after.items.map((i) => i.json.id)).not.toContain(noteId);
	});

	it('names the missing body before sending anything', async () => {
		const result = await note('create', { body: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Body: this parameter is required/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
