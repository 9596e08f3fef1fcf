import type { OperationDeclaration } from '../../engine/declarations';
import { messageId } from './fields';

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
