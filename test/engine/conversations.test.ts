// Conversations and messages through the n8n engine: paging, binary downloads, status updates.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, runOperation } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { run, ok } = operations(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 20 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

async function allMessages() {
	const conversations = await ok('conversation', 'search', { returnAll: true });
	const messages = [];
	for (const c of conversations) messages.push(...(await ok('conversation', 'getMessages', { conversationId: byId(String(c.id)), returnAll: true })));
	return { conversations, messages };
}

describe('Conversation', () => {
	it('searches with Return All across pages, each conversation once, and filters by contact', async () => {
		const all = await ok('conversation', 'search', { returnAll: true });
		expect(all.length).toBeGreaterThan(10);
		expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
		sandbox.reset();
		const some = await ok('conversation', 'search', { limit: 5 });
		expect(some).toHaveLength(5);
		const contactId = String(all[0].contactId);
		const mine = await ok('conversation', 'search', { returnAll: true, filters: { contactId } });
		expect(mine.every((c) => c.contactId === contactId)).toBe(true);
		expect(apiRequests(sandbox).at(-1)!.query).toMatchObject({ locationId: DEMO.locationId, contactId });
	});

	it('gets a conversation and pages through its messages', async () => {
		const [conversation] = await ok('conversation', 'search', { limit: 1 });
		const [got] = await ok('conversation', 'get', { conversationId: byId(String(conversation.id)) });
		expect(got.id).toBe(conversation.id);
		const messages = await ok('conversation', 'getMessages', { conversationId: byId(String(conversation.id)), returnAll: true });
		expect(messages.length).toBeGreaterThan(0);
		expect(messages.every((m) => m.conversationId === conversation.id)).toBe(true);
		const two = await ok('conversation', 'getMessages', { conversationId: byId(String(conversation.id)), limit: 2 });
		expect(two.map((m) => m.id)).toEqual(messages.slice(0, 2).map((m) => m.id));
	});

	it('shows the typing indicator in a live chat', async () => {
		const [conversation] = await ok('conversation', 'search', { limit: 1 });
		const [result] = await ok('conversation', 'typingIndicator', { conversationId: byId(String(conversation.id)), visitorId: 'visitor-1', isTyping: true });
		expect(result).toMatchObject({ success: true });
		expect(apiRequests(sandbox).at(-1)!.body).toEqual({ conversationId: conversation.id, visitorId: 'visitor-1', isTyping: 'true', locationId: DEMO.locationId });
	});
});

describe('Message', () => {
	it('gets messages and emails, and updates a delivery status', async () => {
		const { messages } = await allMessages();
		const sms = messages.find((m) => m.messageType !== 'TYPE_EMAIL' && m.messageType !== 'TYPE_CALL')!;
		const [got] = await ok('message', 'get', { messageId: String(sms.id) });
		expect(got.id).toBe(sms.id);

		const email = messages.find((m) => m.messageType === 'TYPE_EMAIL' && (m.meta as { email?: { messageIds?: string[] } })?.email?.messageIds?.length)
			?? messages.find((m) => m.messageType === 'TYPE_EMAIL')!;
		const emailId = ((email.meta as { email?: { messageIds?: string[] } })?.email?.messageIds ?? [String(email.id)])[0];
		const emailResult = await run('message', 'getEmail', { messageId: emailId });
		expect(emailResult.error).toBeUndefined();
		expect(emailResult.items[0].json).toMatchObject({ subject: expect.any(String) });
		expect(apiRequests(sandbox).at(-1)!.version).toBeNull();

		const [status] = await ok('message', 'updateStatus', { messageId: String(sms.id), status: 'read' });
		expect(status).toBeDefined();
		expect(apiRequests(sandbox).at(-1)).toMatchObject({ method: 'PUT', body: { status: 'read' } });
	});

	it('downloads a call recording and its transcription as binary data, and reads the transcription', async () => {
		const { messages } = await allMessages();
		const call = messages.find((m) => m.messageType === 'TYPE_CALL')!;
		const recording = await runOperation(sandbox, 'message', 'getRecording', { messageId: String(call.id) });
		expect(recording.error).toBeUndefined();
		const audio = recording.items[0].binary!.data;
		expect(audio.mimeType).toMatch(/^audio\//);
		expect(audio.fileName).toMatch(/\.wav$/);
		expect(Buffer.from(audio.data, 'base64').subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(apiRequests(sandbox).at(-1)!.path).toBe(`/conversations/messages/${call.id}/locations/${DEMO.locationId}/recording`);

		const sentences = await ok('message', 'getTranscription', { messageId: String(call.id), returnAll: true });
		expect(sentences.length).toBeGreaterThan(0);
		expect(sentences[0]).toMatchObject({ transcript: expect.any(String) });

		const file = await runOperation(sandbox, 'message', 'downloadTranscription', { messageId: String(call.id) });
		const text = file.items[0].binary!.data;
		expect(text.mimeType).toBe('text/plain');
		expect(Buffer.from(text.data, 'base64').toString('utf8')).toContain(String(sentences[0].transcript));
	});

	it('reports a missing recording with HighLevel’s 404', async () => {
		const result = await run('message', 'getRecording', { messageId: 'zzzzzzzzzzzzzzzzzzzz' });
		expect(result.error?.message).toMatch(/\[404\]/);
	});
});
