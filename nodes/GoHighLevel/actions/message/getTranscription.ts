import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ } from '../conversation/fields';
import { messageId } from './fields';

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
