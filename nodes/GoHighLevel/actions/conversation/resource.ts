import type { ResourceInfo } from '../../engine/declarations';

export const conversationResource: ResourceInfo = {
	area: 'crm',
	value: 'conversation',
	name: 'Conversation',
	description: 'Conversations with contacts across channels',
	operationOrder: ['search', 'get', 'getMessages', 'typingIndicator'],
};
