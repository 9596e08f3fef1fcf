import { recordLocator, userPicker, VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration, ParamDeclaration, ResourceInfo } from '../../engine/declarations';

const READ = ['conversations/message.readonly'];

const conversationId = recordLocator({ name: 'conversationId', displayName: 'Conversation', searchMethod: 'searchConversations', send: { in: 'path' } });
const messageId = (name = 'messageId'): ParamDeclaration => ({
	property: { displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, placeholder: 'e.g. ve9EPM428h8vShlRW1KT' },
	send: { in: 'path', name },
	validate: 'id',
});

export const search: OperationDeclaration = {
	resource: 'conversation',
	operation: 'search',
	name: 'Search',
	action: 'Search conversations',
	description: 'Find conversations of the location by contact, owner, text or last message type',
	method: 'GET',
	path: '/conversations/search',
	version: VERSION_2021_04_15,
	scopes: ['conversations.readonly'],
	location: { in: 'query' },
	params: [
		{ property: { displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text matched against the contact and the messages' }, send: { in: 'query' } },
		{
			property: {
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					userPicker('assignedTo', 'Assigned To'),
					{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
					{
						displayName: 'Last Message Type',
						name: 'lastMessageType',
						type: 'options',
						options: [
							{ name: 'Call', value: 'TYPE_CALL' },
							{ name: 'Email', value: 'TYPE_EMAIL' },
							{ name: 'Facebook', value: 'TYPE_FACEBOOK' },
							{ name: 'Google Business', value: 'TYPE_GMB' },
							{ name: 'Instagram', value: 'TYPE_INSTAGRAM' },
							{ name: 'Live Chat', value: 'TYPE_LIVE_CHAT' },
							{ name: 'SMS', value: 'TYPE_SMS' },
							{ name: 'WhatsApp', value: 'TYPE_WHATSAPP' },
						],
						default: 'TYPE_SMS',
					},
					{
						displayName: 'Sort',
						name: 'sort',
						type: 'options',
						options: [
							{ name: 'Newest First', value: 'desc' },
							{ name: 'Oldest First', value: 'asc' },
						],
						default: 'desc',
					},
				],
			},
			send: { in: 'query' },
			fields: { contactId: { validate: 'id' } },
		},
	],
	paging: { style: 'cursor', in: 'query', limit: 'limit', pageSize: 100, next: { startAfterDate: '$last.lastMessageDate' } },
	output: { root: 'conversations', list: true },
};

export const get: OperationDeclaration = {
	resource: 'conversation',
	operation: 'get',
	name: 'Get',
	action: 'Get a conversation',
	description: 'Retrieve one conversation',
	method: 'GET',
	path: '/conversations/{conversationId}',
	version: VERSION_2021_04_15,
	scopes: ['conversations.readonly'],
	location: { in: 'token' },
	params: [conversationId],
	output: {},
};

export const getMessages: OperationDeclaration = {
	resource: 'conversation',
	operation: 'getMessages',
	name: 'Get Messages',
	action: 'Get messages of a conversation',
	description: 'List the messages of a conversation, newest first',
	method: 'GET',
	path: '/conversations/{conversationId}/messages',
	version: VERSION_2021_04_15,
	scopes: READ,
	location: { in: 'token' },
	params: [conversationId],
	paging: { style: 'cursor', in: 'query', limit: 'limit', pageSize: 100, next: { lastMessageId: 'messages.lastMessageId' }, more: 'messages.nextPage' },
	output: { root: 'messages.messages', list: true },
};

export const getMessage: OperationDeclaration = {
	resource: 'message',
	operation: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Retrieve one message of any channel',
	method: 'GET',
	path: '/conversations/messages/{id}',
	version: VERSION_2021_04_15,
	scopes: READ,
	location: { in: 'token' },
	params: [messageId('id')],
	output: { root: 'message|' },
};

export const getEmail: OperationDeclaration = {
	resource: 'message',
	operation: 'getEmail',
	name: 'Get Email',
	action: 'Get an email message',
	description: 'Retrieve an email with its subject, addresses and body',
	method: 'GET',
	path: '/conversations/messages/email/{id}',
	version: null,
	scopes: [],
	location: { in: 'token' },
	params: [{ ...messageId('id'), property: { ...messageId('id').property, displayName: 'Email Message ID' } }],
	output: { root: 'emailMessage|' },
};

const fileName = (suffix: string) => (parts: { pathParams: Record<string, string> }) => `${parts.pathParams.messageId ?? 'message'}${suffix}`;

export const getRecording: OperationDeclaration = {
	resource: 'message',
	operation: 'getRecording',
	name: 'Get Recording',
	action: 'Download the recording of a call',
	description: 'Download the audio of a call message as binary data',
	method: 'GET',
	path: '/conversations/messages/{messageId}/locations/{locationId}/recording',
	version: VERSION_2021_04_15,
	scopes: READ,
	location: { in: 'path' },
	params: [messageId()],
	output: { binary: { fileName: fileName('.wav') } },
};

export const getTranscription: OperationDeclaration = {
	resource: 'message',
	operation: 'getTranscription',
	name: 'Get Transcription',
	action: 'Get the transcription of a call',
	description: 'Get the transcribed sentences of a call message',
	method: 'GET',
	path: '/conversations/locations/{locationId}/messages/{messageId}/transcription',
	version: VERSION_2021_04_15,
	scopes: READ,
	location: { in: 'path' },
	params: [messageId()],
	output: { list: true },
};

export const downloadTranscription: OperationDeclaration = {
	resource: 'message',
	operation: 'downloadTranscription',
	name: 'Download Transcription',
	action: 'Download the transcription of a call as a file',
	description: 'Download the transcription of a call message as a text file (binary data)',
	method: 'GET',
	path: '/conversations/locations/{locationId}/messages/{messageId}/transcription/download',
	version: VERSION_2021_04_15,
	scopes: READ,
	location: { in: 'path' },
	params: [messageId()],
	output: { binary: { fileName: fileName('-transcription.txt') } },
};

export const updateStatus: OperationDeclaration = {
	resource: 'message',
	operation: 'updateStatus',
	name: 'Update Status',
	action: 'Update the delivery status of a message',
	description: 'Report the delivery status of a message sent through a custom provider',
	method: 'PUT',
	path: '/conversations/messages/{messageId}/status',
	version: VERSION_2021_04_15,
	scopes: ['conversations/message.write'],
	location: { in: 'token' },
	params: [
		messageId(),
		{
			property: {
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Read', value: 'read' },
				],
				default: 'delivered',
			},
			send: { in: 'body' },
		},
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Email Message ID', name: 'emailMessageId', type: 'string', default: '' },
					{ displayName: 'Error (JSON)', name: 'error', type: 'json', default: '{}', description: 'Why delivery failed, e.g. {"code":"1","type":"saas","message":"Bounced"}' },
					{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'Comma-separated email recipients the status applies to' },
				],
			},
			send: { in: 'body' },
			fields: { error: { send: { as: 'json' } }, recipients: { send: { as: 'list' } } },
		},
	],
	output: {},
};

export const typing: OperationDeclaration = {
	resource: 'conversation',
	operation: 'typingIndicator',
	name: 'Show Typing Indicator',
	action: 'Show or hide the agent typing indicator in live chat',
	description: 'Tell a live-chat visitor that an agent is (or stopped) typing',
	method: 'POST',
	path: '/conversations/providers/live-chat/typing',
	version: VERSION_2021_04_15,
	scopes: ['conversations/livechat.write'],
	location: { in: 'body' },
	params: [
		{ ...conversationId, send: { in: 'body' } },
		{ property: { displayName: 'Visitor ID', name: 'visitorId', type: 'string', default: '', required: true, description: 'Live-chat visitor of the conversation' }, send: { in: 'body' } },
		{ property: { displayName: 'Typing', name: 'isTyping', type: 'boolean', default: true, description: 'Whether to show the indicator (off hides it)' }, send: { in: 'body', as: 'string' } },
	],
	output: {},
};

export const conversationResource: ResourceInfo = {
	area: 'crm',
	value: 'conversation',
	name: 'Conversation',
	description: 'Conversations with contacts across channels',
};

export const messageResource: ResourceInfo = {
	area: 'crm',
	value: 'message',
	name: 'Message',
	description: 'Messages, call recordings and transcriptions',
};
