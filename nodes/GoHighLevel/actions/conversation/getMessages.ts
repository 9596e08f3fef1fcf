import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, conversationId } from './fields';

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
