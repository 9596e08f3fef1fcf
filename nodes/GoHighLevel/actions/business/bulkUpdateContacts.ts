import type { IDataObject } from 'n8n-workflow';
import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { businessId } from './fields';

export const bulkUpdateContacts: OperationDeclaration = {
	resource: 'business',
	operation: 'bulkUpdateContacts',
	name: 'Add or Remove Contacts',
	action: 'Add contacts to or remove them from a business',
	description: 'Link many contacts to a business, or unlink them from their business',
	method: 'POST',
	path: '/contacts/bulk/business',
	version: VERSION,
	scopes: [],
	location: { in: 'body' },
	params: [
		{
			property: {
				displayName: 'Action',
				name: 'action',
				type: 'options',
				options: [
					{ name: 'Add Contacts to Business', value: 'add' },
					{ name: 'Remove Contacts From Their Business', value: 'remove' },
				],
				default: 'add',
			},
		},
		{ ...businessId, send: { in: 'body' }, property: { ...businessId.property, displayOptions: { show: { action: ['add'] } } } },
		{
			property: { displayName: 'Contact IDs', name: 'ids', type: 'string', default: '', required: true, description: 'Comma-separated contact IDs, or an array from an expression' },
			send: { in: 'body', as: 'list' },
		},
	],
	async run(runtime) {
		const { body } = runtime.parts;
		// HighLevel unlinks contacts when businessId is null.
		const payload: IDataObject = { ...body, businessId: body.businessId ?? null };
		const response = await runtime.request({ method: 'POST', path: '/contacts/bulk/business', body: payload, version: VERSION, scopes: [] });
		return [response.body as IDataObject];
	},
	output: {},
};
