import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ } from '../conversation/fields';
import { messageId, fileName } from './fields';

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
