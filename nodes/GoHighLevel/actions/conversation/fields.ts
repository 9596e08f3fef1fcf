import { recordLocator } from '../kit';

export const READ = ['conversations/message.readonly'];

export const conversationId = recordLocator({ name: 'conversationId', displayName: 'Conversation', searchMethod: 'searchConversations', send: { in: 'path' } });
