import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ } from '../conversation/fields';
import { messageId, fileName } from './fields';

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
