import type { ResourceInfo } from '../../engine/declarations';

export const messageResource: ResourceInfo = {
	area: 'crm',
	value: 'message',
	name: 'Message',
	description: 'Messages, call recordings and transcriptions',
	operationOrder: ['get', 'getEmail', 'getRecording', 'getTranscription', 'downloadTranscription', 'updateStatus'],
};
