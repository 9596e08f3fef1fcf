// Conversations and messages: search with the startAfterDate cursor, message pages, emails,
// call recordings (WAV bytes), transcriptions, delivery status and the typing indicator.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { LONG_CONVERSATION_MESSAGES, SEEDED_CONVERSATIONS } from '../../sandbox/domains/conversations/state';
import { call } from './helpers';

const V = '2021-04-15';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 25 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const get = (path: string, version: string | null = V) => call(sandbox, 'GET', path, { version });
const data = () => sandbox.state.conversations;
const messagesOfType = (type: string) => [...data().messages.values()].filter((m) => m.messageType === type);

async function raw(path: string) {
	const res = await fetch(`${sandbox.url}${path}`, { headers: { Authorization: `Bearer ${DEMO.locationPrivateToken}`, Version: V } });
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('seed', () => {
	it('has conversations of seeded contacts, with calls (recording + transcript) and emails', () => {
		expect(data().conversations.size).toBe(SEEDED_CONVERSATIONS);
		for (const c of data().conversations.values()) {
			expect(sandbox.state.contacts.get(c.contactId)?.locationId).toBe(DEMO.locationId);
			expect(c.locationId).toBe(DEMO.locationId);
		}
		const dates = [...data().conversations.values()].map((c) => c.lastMessageDate);
		expect(new Set(dates).size).toBe(dates.length);
		const calls = messagesOfType('TYPE_CALL');
		expect(calls).toHaveLength(5);
		for (const m of calls) {
			expect(data().recordings.has(m.id)).toBe(true);
			expect(data().transcriptions.get(m.id)!.length).toBeGreaterThan(0);
		}
		const emails = messagesOfType('TYPE_EMAIL');
		expect(emails).toHaveLength(5);
		for (const m of emails) expect(data().emails.get(m.meta!.email!.messageIds[0])!.messageId).toBe(m.id);
	});
});

describe('GET /conversations/search', () => {
	it('lists newest first with the ConversationSchema fields and the total', async () => {
		const res = await get(`/conversations/search?locationId=${DEMO.locationId}`);
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(SEEDED_CONVERSATIONS);
		expect(res.body.conversations).toHaveLength(20);
		expect(typeof res.body.traceId).toBe('string');
		const first = res.body.conversations[0];
		expect(first).toMatchObject({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
			contactId: expect.any(String),
			locationId: DEMO.locationId,
			lastMessageBody: expect.any(String),
			lastMessageType: expect.stringMatching(/^TYPE_/),
			lastMessageDate: expect.any(Number),
			type: expect.stringMatching(/^TYPE_(PHONE|EMAIL)$/),
			unreadCount: expect.any(Number),
			fullName: expect.any(String),
			contactName: expect.any(String),
			email: expect.any(String),
			phone: expect.any(String),
		});
		const dates = res.body.conversations.map((c: { lastMessageDate: number }) => c.lastMessageDate);
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	});

	it.each(['desc', 'asc'])('pages with startAfterDate (%s) without overlap or gaps', async (sort) => {
		const seen: string[] = [];
		let cursor: number | undefined;
		for (let page = 0; page < 10; page++) {
			const res = await get(`/conversations/search?locationId=${DEMO.locationId}&limit=15&sort=${sort}${cursor ? `&startAfterDate=${cursor}` : ''}`);
			expect(res.status).toBe(200);
			expect(res.body.total).toBe(SEEDED_CONVERSATIONS);
			const items = res.body.conversations as Array<{ id: string; lastMessageDate: number }>;
			if (items.length === 0) break;
			seen.push(...items.map((c) => c.id));
			cursor = items[items.length - 1].lastMessageDate;
		}
		expect(seen).toHaveLength(SEEDED_CONVERSATIONS);
		expect(new Set(seen).size).toBe(SEEDED_CONVERSATIONS);
		const dates = seen.map((id) => data().conversations.get(id)!.lastMessageDate);
		expect(dates).toEqual([...dates].sort((a, b) => (sort === 'asc' ? a - b : b - a)));
	});

	it('filters by contact, assignee, last message type and text', async () => {
		const target = [...data().conversations.values()][3];
		const byContact = await get(`/conversations/search?locationId=${DEMO.locationId}&contactId=${target.contactId}`);
		expect(byContact.body.conversations.length).toBeGreaterThan(0);
		expect(byContact.body.conversations.every((c: { contactId: string }) => c.contactId === target.contactId)).toBe(true);
		const calls = await get(`/conversations/search?locationId=${DEMO.locationId}&lastMessageType=TYPE_CALL`);
		expect(calls.body.total).toBe(5);
		const byText = await get(`/conversations/search?locationId=${DEMO.locationId}&query=${encodeURIComponent(target.fullName.toUpperCase())}`);
		expect(byText.body.conversations.map((c: { id: string }) => c.id)).toContain(target.id);
		const assignee = [...data().conversations.values()].find((c) => c.assignedTo)!.assignedTo!;
		const mine = await get(`/conversations/search?locationId=${DEMO.locationId}&assignedTo=${assignee}&limit=100`);
		expect(mine.body.conversations.every((c: { assignedTo: string }) => c.assignedTo === assignee)).toBe(true);
		expect((await get(`/conversations/search?locationId=${DEMO.locationId}&limit=101`)).status).toBe(422);
		expect((await get(`/conversations/search?locationId=${DEMO.locationId}`, null)).status).toBe(401);
	});
});

describe('conversation and messages', () => {
	it('gets a conversation (numeric type per GetConversationByIdResponse) and 404s unknown ids', async () => {
		const c = [...data().conversations.values()][0];
		const res = await get(`/conversations/${c.id}`);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: c.id, contactId: c.contactId, locationId: DEMO.locationId, deleted: false, inbox: true, type: 1, unreadCount: c.unreadCount });
		expect(typeof res.body.traceId).toBe('string');
		const missing = await get('/conversations/zzzzzzzzzzzzzzzzzzzz');
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Conversation not found', error: 'Not Found' });
	});

	it('pages the messages newest first with lastMessageId / nextPage', async () => {
		const long = [...data().conversations.values()][0];
		const first = await get(`/conversations/${long.id}/messages?limit=100`);
		expect(first.status).toBe(200);
		const page1 = first.body.messages;
		expect(page1.messages).toHaveLength(100);
		expect(page1.nextPage).toBe(true);
		expect(page1.lastMessageId).toBe(page1.messages[99].id);
		const second = await get(`/conversations/${long.id}/messages?limit=100&lastMessageId=${page1.lastMessageId}`);
		const page2 = second.body.messages;
		expect(page2.messages).toHaveLength(LONG_CONVERSATION_MESSAGES - 100);
		expect(page2.nextPage).toBe(false);
		const all = [...page1.messages, ...page2.messages] as Array<{ id: string; dateAdded: string; conversationId: string }>;
		expect(new Set(all.map((m) => m.id)).size).toBe(LONG_CONVERSATION_MESSAGES);
		expect(all.map((m) => m.dateAdded)).toEqual(all.map((m) => m.dateAdded).sort().reverse());
		expect(all.every((m) => m.conversationId === long.id)).toBe(true);
		expect(all[0].dateAdded).toBe(new Date(long.lastMessageDate).toISOString());

		const short = await get(`/conversations/${long.id}/messages`);
		expect(short.body.messages.messages).toHaveLength(20);
		const other = [...data().conversations.values()][1];
		const small = await get(`/conversations/${other.id}/messages`);
		expect(small.body.messages.nextPage).toBe(false);
		expect(small.body.messages.messages[0]).toMatchObject({
			id: expect.any(String), type: expect.any(Number), messageType: expect.stringMatching(/^TYPE_/), locationId: DEMO.locationId,
			contactId: other.contactId, conversationId: other.id, dateAdded: expect.any(String), direction: expect.stringMatching(/^(in|out)bound$/),
			contentType: expect.any(String), attachments: expect.any(Array), body: expect.any(String), status: expect.any(String),
		});
		expect((await get(`/conversations/${long.id}/messages?lastMessageId=nope`)).status).toBe(400);
	});

	it('gets one message at the top level and an email record without a Version header', async () => {
		const sms = messagesOfType('TYPE_SMS')[0];
		const res = await get(`/conversations/messages/${sms.id}`);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: sms.id, messageType: 'TYPE_SMS', type: 2, body: sms.body, conversationId: sms.conversationId });
		expect((await get('/conversations/messages/zzzzzzzzzzzzzzzzzzzz')).body.message).toBe('Message not found');

		const emailMessage = messagesOfType('TYPE_EMAIL')[0];
		const emailId = emailMessage.meta!.email!.messageIds[0];
		const email = await get(`/conversations/messages/email/${emailId}`, null);
		expect(email.status).toBe(200);
		expect(email.body).toMatchObject({
			id: emailId, threadId: emailId, conversationId: emailMessage.conversationId, contactId: emailMessage.contactId, locationId: DEMO.locationId,
			subject: expect.any(String), body: expect.stringContaining('<p>'), contentType: 'text/html', from: expect.any(String), to: [expect.stringContaining('@')],
		});
		expect(sandbox.requests.at(-1)!.version).toBeNull();
		expect((await get('/conversations/messages/email/zzzzzzzzzzzzzzzzzzzz', null)).status).toBe(404);
	});
});

describe('recordings and transcriptions', () => {
	it('downloads the call recording as a WAV file', async () => {
		const callMessage = messagesOfType('TYPE_CALL')[0];
		const res = await raw(`/conversations/messages/${callMessage.id}/locations/${DEMO.locationId}/recording`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('audio/x-wav');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${callMessage.id}.wav"`);
		const wav = res.bytes;
		expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
		expect(wav.subarray(8, 16).toString('ascii')).toBe('WAVEfmt ');
		expect(wav.readUInt16LE(20)).toBe(1); // PCM
		expect(wav.subarray(36, 40).toString('ascii')).toBe('data');
		expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
		expect(wav.length).toBeGreaterThan(1000);
		expect(Number(res.headers.get('content-length'))).toBe(wav.length);
		expect(sandbox.requests.at(-1)).toMatchObject({ status: 200, path: `/conversations/messages/${callMessage.id}/locations/${DEMO.locationId}/recording` });
	});

	it('answers 404 JSON for a message without a recording, and 403 for another location', async () => {
		const sms = messagesOfType('TYPE_SMS')[0];
		const res = await call(sandbox, 'GET', `/conversations/messages/${sms.id}/locations/${DEMO.locationId}/recording`, { version: V });
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		expect(res.body).toMatchObject({ statusCode: 404, message: 'Recording not found', error: 'Not Found' });
		const unknown = await call(sandbox, 'GET', `/conversations/messages/zzzzzzzzzzzzzzzzzzzz/locations/${DEMO.locationId}/recording`, { version: V });
		expect(unknown.body.message).toBe('Message not found');
		const callMessage = messagesOfType('TYPE_CALL')[0];
		expect((await raw(`/conversations/messages/${callMessage.id}/locations/${DEMO.otherLocationId}/recording`)).status).toBe(403);
	});

	it('returns the transcription sentences and the transcript as a text file', async () => {
		const callMessage = messagesOfType('TYPE_CALL')[1];
		const res = await get(`/conversations/locations/${DEMO.locationId}/messages/${callMessage.id}/transcription`);
		expect(res.status).toBe(200);
		expect(Array.isArray(res.body)).toBe(true);
		expect(res.body.length).toBeGreaterThan(2);
		expect(res.body[0]).toEqual({
			mediaChannel: expect.any(Number), sentenceIndex: 0, startTime: expect.any(Number), endTime: expect.any(Number),
			transcript: expect.any(String), confidence: expect.any(Number),
		});
		const file = await raw(`/conversations/locations/${DEMO.locationId}/messages/${callMessage.id}/transcription/download`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('text/plain');
		expect(file.headers.get('content-disposition')).toBe(`attachment; filename="transcription-${callMessage.id}.txt"`);
		const text = file.bytes.toString('utf8');
		for (const s of res.body) expect(text).toContain(s.transcript);
		const sms = messagesOfType('TYPE_SMS')[0];
		expect((await get(`/conversations/locations/${DEMO.locationId}/messages/${sms.id}/transcription`)).status).toBe(404);
		expect((await get(`/conversations/locations/${DEMO.locationId}/messages/${sms.id}/transcription/download`)).status).toBe(404);
	});
});

describe('writes', () => {
	it('updates the delivery status of a message', async () => {
		const sms = messagesOfType('TYPE_SMS').find((m) => m.direction === 'outbound')!;
		const res = await call(sandbox, 'PUT', `/conversations/messages/${sms.id}/status`, {
			version: V,
			json: { status: 'failed', error: { code: '30003', type: 'saas', message: 'Unreachable handset' } },
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ conversationId: sms.conversationId, messageId: sms.id, status: 'failed' });
		expect(data().messages.get(sms.id)).toMatchObject({ status: 'failed', error: { code: '30003' } });

		const emailMessage = messagesOfType('TYPE_EMAIL')[0];
		const emailId = emailMessage.meta!.email!.messageIds[0];
		const read = await call(sandbox, 'PUT', `/conversations/messages/${emailMessage.id}/status`, { version: V, json: { status: 'read', emailMessageId: emailId, recipients: ['a@example.com'] } });
		expect(read.body).toMatchObject({ messageId: emailMessage.id, emailMessageId: emailId, status: 'read' });
		expect(data().emails.get(emailId)!.status).toBe('read');
		expect((await call(sandbox, 'PUT', `/conversations/messages/${sms.id}/status`, { version: V, json: { status: 'lost' } })).status).toBe(422);
		expect((await call(sandbox, 'PUT', '/conversations/messages/zzzzzzzzzzzzzzzzzzzz/status', { version: V, json: { status: 'read' } })).status).toBe(404);
	});

	it('records the live-chat typing indicator', async () => {
		const c = [...data().conversations.values()].find((x) => x.lastMessageType === 'TYPE_LIVE_CHAT')!;
		const payload = { locationId: DEMO.locationId, isTyping: 'true', visitorId: 'visitor-1', conversationId: c.id };
		const res = await call(sandbox, 'POST', '/conversations/providers/live-chat/typing', { version: V, json: payload });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ success: true });
		expect(data().typing.get(c.id)).toMatchObject({ isTyping: true, visitorId: 'visitor-1', locationId: DEMO.locationId });
		await call(sandbox, 'POST', '/conversations/providers/live-chat/typing', { version: V, json: { ...payload, isTyping: 'false' } });
		expect(data().typing.get(c.id)!.isTyping).toBe(false);
		expect((await call(sandbox, 'POST', '/conversations/providers/live-chat/typing', { version: V, json: { ...payload, isTyping: 'maybe' } })).status).toBe(422);
		expect((await call(sandbox, 'POST', '/conversations/providers/live-chat/typing', { version: V, json: { ...payload, conversationId: 'zzzzzzzzzzzzzzzzzzzz' } })).status).toBe(404);
		sandbox.reset();
		expect(data().typing.size).toBe(0);
	});
});
