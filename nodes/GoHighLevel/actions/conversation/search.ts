import { userPicker, VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const search: OperationDeclaration = {
	resource: 'conversation',
	operation: 'search',
	name: 'Search',
	action: 'Search conversations',
	description: 'Find conversations of the location by contact, owner, text or last message type',
	method: 'GET',
	path: '/conversations/search',
	version: VERSION_2021_04_15,
	scopes: ['conversations.readonly'],
	location: { in: 'query' },
	params: [
		{ property: { displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text matched against the contact and the messages' }, send: { in: 'query' } },
		{
			property: {
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					userPicker('assignedTo', 'Assigned To'),
					{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
					{
						displayName: 'Last Message Type',
						name: 'lastMessageType',
						type: 'options',
						options: [
							{ name: 'Call', value: 'TYPE_CALL' },
							{ name: 'Email', value: 'TYPE_EMAIL' },
							{ name: 'Facebook', value: 'TYPE_FACEBOOK' },
							{ name: 'Google Business', value: 'TYPE_GMB' },
							{ name: 'Instagram', value: 'TYPE_INSTAGRAM' },
							{ name: 'Live Chat', value: 'TYPE_LIVE_CHAT' },
							{ name: 'SMS', value: 'TYPE_SMS' },
							{ name: 'WhatsApp', value: 'TYPE_WHATSAPP' },
						],
						default: 'TYPE_SMS',
					},
					{
						displayName: 'Sort',
						name: 'sort',
						type: 'options',
						options: [
							{ name: 'Newest First', value: 'desc' },
							{ name: 'Oldest First', value: 'asc' },
						],
						default: 'desc',
					},
				],
			},
			send: { in: 'query' },
			fields: { contactId: { validate: 'id' } },
		},
	],
	paging: { style: 'cursor', in: 'query', limit: 'limit', pageSize: 100, next: { startAfterDate: '$last.lastMessageDate' } },
	output: { root: 'conversations', list: true },
};
