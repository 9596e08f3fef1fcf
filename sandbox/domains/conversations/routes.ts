// Conversations and messages: search, get, message pages, emails, call recordings (WAV bytes),
// transcriptions (JSON and text file), delivery status and the live-chat typing indicator.
import type { Conversation, EmailMessage, Message } from './state';
import { compareNewestFirst, conversationTypeNumber, messagesOf, sineWav, transcriptText } from './state';
import { httpError, isPlainObject, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'conversation search and message paging, binary recordings/transcriptions, delivery status on seeded messages';

function conversationFor(ctx: RouteContext, id: string): Conversation {
	const conversation = ctx.state.conversations.conversations.get(id);
	if (!conversation || conversation.deleted) throw notFound('Conversation');
	assertLocationAccess(ctx, conversation.locationId);
	return conversation;
}

function messageFor(ctx: RouteContext, id: string): Message {
	const message = ctx.state.conversations.messages.get(id);
	if (!message) throw notFound('Message');
	assertLocationAccess(ctx, message.locationId);
	return message;
}

/** A message addressed through /locations/{locationId}/...: another location's message is not found. */
function messageInLocation(ctx: RouteContext): Message {
	const message = ctx.state.conversations.messages.get(ctx.params.messageId);
	if (!message || message.locationId !== ctx.params.locationId) throw notFound('Message');
	return message;
}

/** Item of GET /conversations/search (ConversationSchema plus the fields HighLevel adds). */
function searchItem(c: Conversation): Record<string, unknown> {
	return {
		id: c.id,
		contactId: c.contactId,
		locationId: c.locationId,
		lastMessageBody: c.lastMessageBody,
		lastMessageType: c.lastMessageType,
		lastMessageDirection: c.lastMessageDirection,
		lastMessageDate: c.lastMessageDate,
		type: c.type,
		unreadCount: c.unreadCount,
		fullName: c.fullName,
		contactName: c.contactName,
		email: c.email,
		phone: c.phone,
		companyName: c.companyName,
		assignedTo: c.assignedTo ?? undefined, // unassigned: left out (the spec types it string)
		tags: [...c.tags],
		followers: [...c.followers],
		starred: c.starred,
		inbox: c.inbox,
		dateAdded: c.dateAdded,
		dateUpdated: c.dateUpdated,
		sort: [c.lastMessageDate],
	};
}

/** GET /conversations/{id} (GetConversationByIdResponse: numeric type), plus the contact summary. */
function conversationItem(c: Conversation): Record<string, unknown> {
	return {
		id: c.id,
		contactId: c.contactId,
		locationId: c.locationId,
		deleted: c.deleted,
		inbox: c.inbox,
		type: conversationTypeNumber(c.type),
		unreadCount: c.unreadCount,
		assignedTo: c.assignedTo ?? undefined, // unassigned: left out (the spec types it string)
		starred: c.starred,
		fullName: c.fullName,
		contactName: c.contactName,
		email: c.email,
		phone: c.phone,
		lastMessageBody: c.lastMessageBody,
		lastMessageType: c.lastMessageType,
		lastMessageDirection: c.lastMessageDirection,
		lastMessageDate: c.lastMessageDate,
		followers: [...c.followers],
		tags: [...c.tags],
		dateAdded: c.dateAdded,
		dateUpdated: c.dateUpdated,
	};
}

/** GetMessageResponseDto. */
function messageItem(m: Message): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: m.id,
		type: m.type,
		messageType: m.messageType,
		locationId: m.locationId,
		contactId: m.contactId,
		conversationId: m.conversationId,
		dateAdded: m.dateAdded,
		body: m.body,
		direction: m.direction,
		status: m.status,
		contentType: m.contentType,
		attachments: [...m.attachments],
	};
	if (m.source) out.source = m.source;
	if (m.userId) out.userId = m.userId;
	if (m.meta) out.meta = JSON.parse(JSON.stringify(m.meta));
	if (m.error) out.error = { ...m.error };
	return out;
}

/** GetEmailMessageResponseDto. */
function emailItem(e: EmailMessage): Record<string, unknown> {
	return {
		id: e.id,
		threadId: e.threadId,
		locationId: e.locationId,
		contactId: e.contactId,
		conversationId: e.conversationId,
		dateAdded: e.dateAdded,
		subject: e.subject,
		body: e.body,
		direction: e.direction,
		status: e.status,
		contentType: e.contentType,
		attachments: [...e.attachments],
		provider: e.provider,
		from: e.from,
		to: [...e.to],
		cc: [...e.cc],
		bcc: [...e.bcc],
		...(e.source ? { source: e.source } : {}),
	};
}

function csv(value: string | undefined): string[] {
	return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function epochQuery(ctx: RouteContext, name: string): number | undefined {
	const raw = queryValue(ctx, name);
	if (raw === undefined || raw === '') return undefined;
	const n = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Date.parse(raw);
	if (!Number.isFinite(n)) throw httpError(422, [`${name} must be a number conforming to the specified constraints`]);
	return n;
}

const search: RouteDef = {
	method: 'GET',
	path: '/conversations/search', why: WHY,
	handle(ctx) {
		const q = (name: string) => queryValue(ctx, name);
		const locationId = String(q('locationId'));
		const limit = intQuery(ctx, 'limit', 20, 1, 100);
		const desc = (q('sort') ?? 'desc') !== 'asc';
		const after = epochQuery(ctx, 'startAfterDate');
		const startDate = epochQuery(ctx, 'startDate');
		const endDate = epochQuery(ctx, 'endDate');
		const contactId = q('contactId');
		const id = q('id');
		const assignees = csv(q('assignedTo'));
		const followers = csv(q('followers'));
		const text = q('query')?.trim().toLowerCase();
		const digits = text?.replace(/\D/g, '');
		const lastMessageType = q('lastMessageType');
		const lastMessageDirection = q('lastMessageDirection');
		const status = q('status') ?? 'all';

		let rows = [...ctx.state.conversations.conversations.values()].filter((c) => c.locationId === locationId && !c.deleted);
		if (contactId) rows = rows.filter((c) => c.contactId === contactId);
		if (id) rows = rows.filter((c) => c.id === id);
		if (assignees.length) rows = rows.filter((c) => (c.assignedTo ? assignees.includes(c.assignedTo) : assignees.includes('unassigned')));
		if (followers.length) rows = rows.filter((c) => c.followers.some((f) => followers.includes(f)));
		if (lastMessageType) rows = rows.filter((c) => c.lastMessageType === lastMessageType);
		if (lastMessageDirection) rows = rows.filter((c) => c.lastMessageDirection === lastMessageDirection);
		if (status === 'unread') rows = rows.filter((c) => c.unreadCount > 0);
		else if (status === 'read') rows = rows.filter((c) => c.unreadCount === 0);
		else if (status === 'starred') rows = rows.filter((c) => c.starred);
		if (startDate !== undefined) rows = rows.filter((c) => c.lastMessageDate >= startDate);
		if (endDate !== undefined) rows = rows.filter((c) => c.lastMessageDate <= endDate);
		if (text) {
			rows = rows.filter(
				(c) =>
					c.fullName.toLowerCase().includes(text) ||
					c.email.toLowerCase().includes(text) ||
					c.lastMessageBody.toLowerCase().includes(text) ||
					(!!digits && digits.length >= 3 && c.phone.replace(/\D/g, '').includes(digits)),
			);
		}
		rows.sort((a, b) => (a.lastMessageDate - b.lastMessageDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * (desc ? -1 : 1));
		const total = rows.length;
		// The cursor is the lastMessageDate of the last conversation seen: strictly after it in the sort order.
		const page = after === undefined ? rows : rows.filter((c) => (desc ? c.lastMessageDate < after : c.lastMessageDate > after));
		return { body: { conversations: page.slice(0, limit).map(searchItem), total } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/conversations/{conversationId}', why: WHY,
	handle(ctx) {
		return { body: conversationItem(conversationFor(ctx, ctx.params.conversationId)) };
	},
};

const messages: RouteDef = {
	method: 'GET',
	path: '/conversations/{conversationId}/messages', why: WHY,
	handle(ctx) {
		const conversation = conversationFor(ctx, ctx.params.conversationId);
		const limit = intQuery(ctx, 'limit', 20, 1, 100);
		const types = csv(queryValue(ctx, 'type'));
		let rows = messagesOf(ctx.state.conversations, conversation.id);
		const lastMessageId = queryValue(ctx, 'lastMessageId');
		if (lastMessageId) {
			const cursor = ctx.state.conversations.messages.get(lastMessageId);
			if (!cursor || cursor.conversationId !== conversation.id) throw httpError(400, 'lastMessageId is not a message of this conversation');
			rows = rows.filter((m) => compareNewestFirst(m, cursor) > 0);
		}
		if (types.length) rows = rows.filter((m) => types.includes(m.messageType));
		const page = rows.slice(0, limit);
		return {
			body: {
				messages: {
					lastMessageId: page.length ? page[page.length - 1].id : null,
					nextPage: rows.length > page.length,
					messages: page.map(messageItem),
				},
			},
		};
	},
};

const getMessage: RouteDef = {
	method: 'GET',
	path: '/conversations/messages/{id}', why: WHY,
	handle(ctx) {
		return { body: messageItem(messageFor(ctx, ctx.params.id)) };
	},
};

const getEmail: RouteDef = {
	method: 'GET',
	path: '/conversations/messages/email/{id}', why: WHY,
	handle(ctx) {
		const email = ctx.state.conversations.emails.get(ctx.params.id);
		if (!email) throw notFound('Email message');
		assertLocationAccess(ctx, email.locationId);
		return { body: emailItem(email) };
	},
};

const recording: RouteDef = {
	method: 'GET',
	path: '/conversations/messages/{messageId}/locations/{locationId}/recording', why: WHY,
	handle(ctx) {
		const message = messageInLocation(ctx);
		const rec = ctx.state.conversations.recordings.get(message.id);
		if (!rec) throw notFound('Recording');
		return {
			body: sineWav(rec.durationMs, rec.frequencyHz),
			headers: { 'Content-Type': 'audio/x-wav', 'Content-Disposition': `attachment; filename="${message.id}.wav"` },
		};
	},
};

const transcription: RouteDef = {
	method: 'GET',
	path: '/conversations/locations/{locationId}/messages/{messageId}/transcription', why: WHY,
	handle(ctx) {
		const message = messageInLocation(ctx);
		const sentences = ctx.state.conversations.transcriptions.get(message.id);
		if (!sentences) throw notFound('Transcription');
		return { body: sentences.map((s) => ({ ...s })) };
	},
};

const transcriptionDownload: RouteDef = {
	method: 'GET',
	path: '/conversations/locations/{locationId}/messages/{messageId}/transcription/download', why: WHY,
	handle(ctx) {
		const message = messageInLocation(ctx);
		const sentences = ctx.state.conversations.transcriptions.get(message.id);
		if (!sentences) throw notFound('Transcription');
		return {
			body: Buffer.from(transcriptText(sentences), 'utf8'),
			headers: { 'Content-Type': 'text/plain', 'Content-Disposition': `attachment; filename="transcription-${message.id}.txt"` },
		};
	},
};

const EMAIL_STATUSES = new Set(['pending', 'scheduled', 'sent', 'delivered', 'read', 'undelivered', 'connected', 'failed', 'opened']);

const updateStatus: RouteDef = {
	method: 'PUT',
	path: '/conversations/messages/{messageId}/status', why: WHY,
	handle(ctx) {
		const message = messageFor(ctx, ctx.params.messageId);
		const b = body(ctx);
		const status = String(b.status);
		let emailMessageId: string | undefined;
		if (typeof b.emailMessageId === 'string' && b.emailMessageId) {
			const email = ctx.state.conversations.emails.get(b.emailMessageId);
			if (!email || email.messageId !== message.id) throw notFound('Email message');
			if (EMAIL_STATUSES.has(status)) email.status = status;
			emailMessageId = email.id;
		}
		message.status = status;
		if (isPlainObject(b.error)) message.error = { ...(b.error as Message['error']) };
		else if (status !== 'failed') delete message.error;
		if (Array.isArray(b.recipients)) message.recipients = b.recipients.map(String);
		const conversation = ctx.state.conversations.conversations.get(message.conversationId);
		if (conversation) conversation.dateUpdated = ctx.now();
		return { body: { conversationId: message.conversationId, messageId: message.id, status, ...(emailMessageId ? { emailMessageId } : {}) } };
	},
};

const typing: RouteDef = {
	method: 'POST',
	path: '/conversations/providers/live-chat/typing', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		if (b.isTyping !== 'true' && b.isTyping !== 'false') throw httpError(422, ['isTyping must be a boolean string ("true" or "false")']);
		const conversation = ctx.state.conversations.conversations.get(String(b.conversationId));
		if (!conversation || conversation.deleted || conversation.locationId !== b.locationId) throw notFound('Conversation');
		ctx.state.conversations.typing.set(conversation.id, {
			isTyping: b.isTyping === 'true',
			visitorId: String(b.visitorId),
			locationId: conversation.locationId,
			at: new Date(ctx.now()).toISOString(),
		});
		return { body: { success: true } };
	},
};

export const conversationRoutes: RouteDef[] = [search, get, messages, getMessage, getEmail, recording, transcription, transcriptionDownload, updateStatus, typing];
