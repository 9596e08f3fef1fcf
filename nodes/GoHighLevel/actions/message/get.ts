import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ } from '../conversation/fields';
import { messageId } from './fields';

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
