// Conversations, their messages, email records, call recordings and transcriptions, seeded from
// the contacts of DEMO.locationId with their own PRNG (the same data on every run).
import { DEMO } from '../../demo';
import type { Contact, CoreState } from '../accounts/state';
import { createRng, makeId, pick } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { conversations: ConversationData };

export type ConversationType = 'TYPE_PHONE' | 'TYPE_EMAIL' | 'TYPE_FB_MESSENGER' | 'TYPE_REVIEW' | 'TYPE_GROUP_SMS';
export type Direction = 'inbound' | 'outbound';

export interface Conversation {
	id: string;
	locationId: string;
	contactId: string;
	assignedTo: string | null;
	type: ConversationType;
	fullName: string;
	contactName: string;
	email: string;
	phone: string;
	companyName: string;
	tags: string[];
	followers: string[];
	unreadCount: number;
	starred: boolean;
	inbox: boolean;
	deleted: boolean;
	lastMessageBody: string;
	lastMessageType: string;
	lastMessageDirection: Direction;
	/** Epoch ms (distinct over the seed). */
	lastMessageDate: number;
	/** Epoch ms. */
	dateAdded: number;
	dateUpdated: number;
}

export interface MessageMeta {
	callDuration?: string;
	callStatus?: string;
	email?: { messageIds: string[] };
}

export interface Message {
	id: string;
	conversationId: string;
	contactId: string;
	locationId: string;
	/** Numeric type as HighLevel sends it next to messageType (TYPE_CALL 1, TYPE_SMS 2, TYPE_EMAIL 3, ...). */
	type: number;
	messageType: string;
	direction: Direction;
	status: string;
	body: string;
	contentType: string;
	attachments: string[];
	/** ISO date. */
	dateAdded: string;
	source?: string;
	userId?: string;
	meta?: MessageMeta;
	/** Set by PUT /conversations/messages/{id}/status. */
	error?: { code?: string; type?: string; message?: string };
	recipients?: string[];
}

export interface EmailMessage {
	id: string;
	/** The conversation message that carries this email (its meta.email.messageIds lists this id). */
	messageId: string;
	threadId: string;
	locationId: string;
	contactId: string;
	conversationId: string;
	dateAdded: string;
	subject: string;
	body: string;
	direction: Direction;
	status: string;
	contentType: string;
	attachments: string[];
	provider: string;
	from: string;
	to: string[];
	cc: string[];
	bcc: string[];
	source?: string;
}

/** What the recording endpoint turns into a WAV file. */
export interface Recording {
	messageId: string;
	durationMs: number;
	frequencyHz: number;
}

export interface TranscriptSentence {
	mediaChannel: number;
	sentenceIndex: number;
	startTime: number;
	endTime: number;
	transcript: string;
	confidence: number;
}

export interface TypingState {
	isTyping: boolean;
	visitorId: string;
	locationId: string;
	/** ISO date of the last call. */
	at: string;
}

export interface ConversationData {
	conversations: Map<string, Conversation>;
	messages: Map<string, Message>;
	/** Email records by email message id (not the conversation message id). */
	emails: Map<string, EmailMessage>;
	/** By call message id. */
	recordings: Map<string, Recording>;
	/** By call message id. */
	transcriptions: Map<string, TranscriptSentence[]>;
	/** Last live-chat typing indicator by conversation id. */
	typing: Map<string, TypingState>;
}

/** Message types in HighLevel's numbering (the enum order of the API, without the newer TYPE_RCS). */
const MESSAGE_TYPE_NUMBERS: Record<string, number> = {
	TYPE_CALL: 1, TYPE_SMS: 2, TYPE_EMAIL: 3, TYPE_SMS_REVIEW_REQUEST: 4, TYPE_WEBCHAT: 5, TYPE_FACEBOOK: 11,
	TYPE_GMB: 15, TYPE_INSTAGRAM: 18, TYPE_WHATSAPP: 19, TYPE_LIVE_CHAT: 29,
};
export function messageTypeNumber(messageType: string): number {
	return MESSAGE_TYPE_NUMBERS[messageType] ?? 2;
}

const CONVERSATION_TYPE_NUMBERS: Record<ConversationType, number> = { TYPE_PHONE: 1, TYPE_EMAIL: 2, TYPE_FB_MESSENGER: 3, TYPE_REVIEW: 4, TYPE_GROUP_SMS: 5 };
export function conversationTypeNumber(type: ConversationType): number {
	return CONVERSATION_TYPE_NUMBERS[type];
}

export function createConversationData(): ConversationData {
	return { conversations: new Map(), messages: new Map(), emails: new Map(), recordings: new Map(), transcriptions: new Map(), typing: new Map() };
}

// ---------------------------------------------------------------------------------------------
// Seed

const SEED = 0x5eed2021 ^ 0xc0417;
export const SEEDED_CONVERSATIONS = 40;
/** Messages of the first seeded conversation: more than one page of 100. */
export const LONG_CONVERSATION_MESSAGES = 130;
const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;
/** The newest seeded message; the others go back from here. */
const LATEST = Date.UTC(2025, 5, 30, 18, 0, 0);

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TIMES = ['9:00', '10:30', '11:15', '13:45', '15:00', '16:30'];
const INBOUND_SMS = [
	'Hi, can I move my appointment to {day}?',
	'Is there parking near the clinic?',
	'Thanks, see you then!',
	'Do you take Delta Dental insurance?',
	'What time do you open on Saturday?',
	'I have a toothache, any slots today?',
	'Can you send me the invoice again?',
	'Yes, that works for me.',
];
const OUTBOUND_SMS = [
	'Hi {first}, this is Sandbox Dental confirming your visit on {day} at {time}.',
	'Your appointment is confirmed. Reply C to confirm or R to reschedule.',
	'We have an opening at {time} tomorrow, would that suit you?',
	'Thanks {first}! Let us know if you need anything else.',
	'Reminder: please arrive 10 minutes early to fill in the forms.',
	'Yes, there is free parking behind the building.',
];
const INBOUND_CHAT = ['Hello, is anyone there?', 'I would like to know the price of whitening.', 'Do you have evening appointments?', 'Great, thank you!'];
const OUTBOUND_CHAT = ['Hi {first}! How can we help today?', 'Whitening starts at $299; we can book a free consultation.', 'Yes, on Tuesdays and Thursdays until 8pm.'];
const EMAIL_SUBJECTS = ['Your appointment on {day}', 'Invoice #{n} from Sandbox Dental', 'Re: Whitening options', 'Welcome to Sandbox Dental', 'Your treatment plan'];
const CALL_SCRIPT: Array<[number, string]> = [
	[1, 'Thank you for calling Sandbox Dental, this is {agent} speaking.'],
	[2, "Hi, this is {first} {last}. I'd like to book a check-up."],
	[1, 'Of course. Would next {day} at {time} work for you?'],
	[2, "Yes, that's perfect."],
	[1, "Great, you're booked in. You'll get a text reminder the day before."],
	[2, 'Thanks, bye!'],
];

type Kind = 'sms' | 'call' | 'email' | 'chat';

function kindOf(index: number): Kind {
	switch (index % 8) {
		case 2:
			return 'call';
		case 5:
			return 'email';
		case 7:
			return 'chat';
		default:
			return 'sms';
	}
}

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

function contactEmail(c: Contact): string {
	return c.email ?? `${(c.firstName ?? 'contact').toLowerCase()}.${(c.lastName ?? 'unknown').toLowerCase().replace(/[^a-z]/g, '')}@example.com`;
}

/** Seeds ~40 conversations over the contacts of DEMO.locationId (none when it has no contacts). */
export function seedConversations(state: State): void {
	const data = state.conversations;
	const rng = createRng(SEED);
	const contacts: Contact[] = [];
	for (const c of state.contacts.values()) if (c.locationId === DEMO.locationId) contacts.push(c);
	if (contacts.length === 0) return;
	const location = state.locations.get(DEMO.locationId);
	const clinicEmail = location?.email ?? 'hello@sandbox-dental.example';
	const users = DEMO.userIds.slice(1);

	for (let i = 0; i < SEEDED_CONVERSATIONS; i++) {
		const contact = contacts[i % contacts.length];
		const kind = kindOf(i);
		const first = contact.firstName ?? '';
		const last = contact.lastName ?? '';
		const fullName = `${first} ${last}`.trim();
		const lastDate = LATEST - i * 7 * HOUR - Math.floor(rng() * 6 * HOUR);
		const conversation: Conversation = {
			id: makeId(rng),
			locationId: DEMO.locationId,
			contactId: contact.id,
			assignedTo: contact.assignedTo ?? null,
			type: kind === 'email' ? 'TYPE_EMAIL' : 'TYPE_PHONE',
			fullName,
			contactName: fullName,
			email: contact.email ?? '',
			phone: contact.phone ?? '',
			companyName: contact.companyName ?? '',
			tags: [...contact.tags],
			followers: [],
			unreadCount: 0,
			starred: i % 9 === 4,
			inbox: true,
			deleted: false,
			lastMessageBody: '',
			lastMessageType: 'TYPE_SMS',
			lastMessageDirection: 'inbound',
			lastMessageDate: lastDate,
			dateAdded: 0,
			dateUpdated: lastDate,
		};
		data.conversations.set(conversation.id, conversation);

		const count = i === 0 ? LONG_CONVERSATION_MESSAGES : 3 + Math.floor(rng() * 5);
		// Newest first: k = 0 is the conversation's last message.
		const newestFirst: Message[] = [];
		let at = lastDate;
		for (let k = 0; k < count; k++) {
			if (k > 0) at -= 5 * MINUTE + Math.floor(rng() * (i === 0 ? 6 : 36) * HOUR);
			const special = k === 0 && (kind === 'call' || kind === 'email');
			const messageType = special ? (kind === 'call' ? 'TYPE_CALL' : 'TYPE_EMAIL') : kind === 'chat' ? 'TYPE_LIVE_CHAT' : 'TYPE_SMS';
			const direction: Direction = rng() < 0.5 ? 'inbound' : 'outbound';
			const values = { first, last, day: pick(rng, DAYS), time: pick(rng, TIMES), n: String(1000 + i * 10 + k), agent: 'Priya' };
			const message: Message = {
				id: makeId(rng),
				conversationId: conversation.id,
				contactId: contact.id,
				locationId: DEMO.locationId,
				type: messageTypeNumber(messageType),
				messageType,
				direction,
				status: direction === 'inbound' ? 'delivered' : pick(rng, ['delivered', 'delivered', 'read', 'sent']),
				body: '',
				contentType: 'text/plain',
				attachments: [],
				dateAdded: new Date(at).toISOString(),
			};
			if (direction === 'outbound') {
				message.source = pick(rng, ['app', 'app', 'workflow', 'api']);
				message.userId = conversation.assignedTo ?? pick(rng, users);
			}
			if (messageType === 'TYPE_CALL') {
				const seconds = 45 + Math.floor(rng() * 240);
				message.status = 'connected';
				message.meta = { callDuration: String(seconds), callStatus: 'completed' };
				data.recordings.set(message.id, { messageId: message.id, durationMs: 1000, frequencyHz: 330 + 55 * (i % 5) });
				let t = 0;
				data.transcriptions.set(
					message.id,
					CALL_SCRIPT.map(([channel, line], sentenceIndex) => {
						const start = t;
						const length = 2 + Math.floor(rng() * 4);
						t += length + 1;
						return {
							mediaChannel: channel,
							sentenceIndex,
							startTime: start,
							endTime: start + length,
							transcript: fill(line, values),
							confidence: Math.round((0.82 + rng() * 0.17) * 100) / 100,
						};
					}),
				);
			} else if (messageType === 'TYPE_EMAIL') {
				const subject = fill(pick(rng, EMAIL_SUBJECTS), values);
				const text = `Hi ${first}, please find the details of your visit on ${values.day} at ${values.time} below.`;
				const email: EmailMessage = {
					id: makeId(rng),
					messageId: message.id,
					threadId: '',
					locationId: DEMO.locationId,
					contactId: contact.id,
					conversationId: conversation.id,
					dateAdded: message.dateAdded,
					subject,
					body: `<p>${text}</p><p>Sandbox Dental</p>`,
					direction,
					status: message.status,
					contentType: 'text/html',
					attachments: [],
					provider: 'mailgun',
					from: direction === 'outbound' ? `Sandbox Dental <${clinicEmail}>` : `${fullName} <${contactEmail(contact)}>`,
					to: [direction === 'outbound' ? contactEmail(contact) : clinicEmail],
					cc: [],
					bcc: [],
					...(message.source ? { source: message.source } : {}),
				};
				email.threadId = email.id;
				data.emails.set(email.id, email);
				message.body = text;
				message.contentType = 'text/html';
				message.meta = { email: { messageIds: [email.id] } };
			} else {
				const templates = kind === 'chat' ? (direction === 'inbound' ? INBOUND_CHAT : OUTBOUND_CHAT) : direction === 'inbound' ? INBOUND_SMS : OUTBOUND_SMS;
				message.body = fill(pick(rng, templates), values);
				if (kind === 'sms' && (i + k) % 9 === 3) message.attachments = [`https://storage.sandbox.example/${DEMO.locationId}/media/${message.id}.jpg`];
			}
			newestFirst.push(message);
		}
		for (let k = newestFirst.length - 1; k >= 0; k--) data.messages.set(newestFirst[k].id, newestFirst[k]);

		const newest = newestFirst[0];
		let unread = 0;
		while (unread < newestFirst.length && newestFirst[unread].direction === 'inbound') unread++;
		conversation.unreadCount = i % 4 === 3 ? 0 : unread;
		conversation.lastMessageBody = newest.body;
		conversation.lastMessageType = newest.messageType;
		conversation.lastMessageDirection = newest.direction;
		conversation.dateAdded = Date.parse(newestFirst[newestFirst.length - 1].dateAdded);
	}
}

// ---------------------------------------------------------------------------------------------
// Accessors

/** Messages of a conversation, newest first (id breaks ties). */
export function messagesOf(data: ConversationData, conversationId: string): Message[] {
	const out: Message[] = [];
	for (const m of data.messages.values()) if (m.conversationId === conversationId) out.push(m);
	return out.sort(compareNewestFirst);
}

export function compareNewestFirst(a: Message, b: Message): number {
	if (a.dateAdded !== b.dateAdded) return a.dateAdded < b.dateAdded ? 1 : -1;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** 16-bit mono PCM WAV with a short sine tone (fade in/out), as a call recording stand-in. */
export function sineWav(durationMs: number, frequencyHz: number, sampleRate = 8000): Buffer {
	const samples = Math.round((sampleRate * durationMs) / 1000);
	const dataBytes = samples * 2;
	const buf = Buffer.alloc(44 + dataBytes);
	buf.write('RIFF', 0, 'ascii');
	buf.writeUInt32LE(36 + dataBytes, 4);
	buf.write('WAVE', 8, 'ascii');
	buf.write('fmt ', 12, 'ascii');
	buf.writeUInt32LE(16, 16); // PCM chunk size
	buf.writeUInt16LE(1, 20); // PCM
	buf.writeUInt16LE(1, 22); // mono
	buf.writeUInt32LE(sampleRate, 24);
	buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
	buf.writeUInt16LE(2, 32); // block align
	buf.writeUInt16LE(16, 34); // bits per sample
	buf.write('data', 36, 'ascii');
	buf.writeUInt32LE(dataBytes, 40);
	const fade = Math.max(1, Math.round(sampleRate / 50));
	for (let i = 0; i < samples; i++) {
		const envelope = Math.min(1, i / fade, (samples - 1 - i) / fade);
		buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate) * 0.3 * 32767 * envelope), 44 + i * 2);
	}
	return buf;
}

export function transcriptText(sentences: TranscriptSentence[]): string {
	const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
	return sentences.map((s) => `[${clock(s.startTime)} - ${clock(s.endTime)}] Channel ${s.mediaChannel}: ${s.transcript}`).join('\n') + '\n';
}
