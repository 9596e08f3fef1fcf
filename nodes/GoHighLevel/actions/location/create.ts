import { text, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const create: OperationDeclaration = {
	resource: 'location',
	operation: 'create',
	name: 'Create',
	action: 'Create a location',
	description: 'Create a sub-account in the agency',
	method: 'POST',
	path: '/locations/',
	version: VERSION,
	scopes: ['locations.write'],
	agencyOnly: true,
	company: { in: 'body' },
	params: [
		{ property: text('Name', 'name', { required: true }), send: { in: 'body' } },
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					text('Address', 'address'),
					text('City', 'city'),
					text('Country Code', 'country', { placeholder: 'US', description: 'Two-letter ISO country code' }),
					text('Phone', 'phone', { placeholder: '+14155550100' }),
					text('Postal Code', 'postalCode'),
					text('Snapshot ID', 'snapshotId', { description: 'Snapshot to load into the new sub-account' }),
					text('State', 'state'),
					text('Timezone', 'timezone', { placeholder: 'America/New_York' }),
					text('Website', 'website'),
				],
			},
			send: { in: 'body' },
			fields: { phone: { validate: 'phone' }, website: { validate: 'url' }, snapshotId: { send: { name: 'snapshotId' }, validate: 'id' } },
		},
	],
	output: {},
};
