import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { conversationId } from './fields';

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
