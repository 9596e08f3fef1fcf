import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { messageId } from './fields';

export const updateStatus: OperationDeclaration = {
	resource: 'message',
	operation: 'updateStatus',
	name: 'Update Status',
	action: 'Update the delivery status of a message',
	description: 'Report the delivery status of a message sent through a custom provider',
	method: 'PUT',
	path: '/conversations/messages/{messageId}/status',
	version: VERSION_2021_04_15,
	scopes: ['conversations/message.write'],
	location: { in: 'token' },
	params: [
		messageId(),
		{
			property: {
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Read', value: 'read' },
				],
				default: 'delivered',
			},
			send: { in: 'body' },
		},
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Email Message ID', name: 'emailMessageId', type: 'string', default: '' },
					{ displayName: 'Error (JSON)', name: 'error', type: 'json', default: '{}', description: 'Why delivery failed, e.g. {"code":"1","type":"saas","message":"Bounced"}' },
					{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'Comma-separated email recipients the status applies to' },
				],
			},
			send: { in: 'body' },
			fields: { error: { send: { as: 'json' } }, recipients: { send: { as: 'list' } } },
		},
	],
	output: {},
};
