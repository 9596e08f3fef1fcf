import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { conversationId } from './fields';

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
