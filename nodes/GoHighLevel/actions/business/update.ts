import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { businessId, fields, nameField, validation } from './fields';

export const update: OperationDeclaration = {
	resource: 'business',
	operation: 'update',
	name: 'Update',
	action: 'Update a business',
	description: 'Change a business; fields left out keep their values',
	method: 'PUT',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'token' },
	params: [
		businessId,
		{
			property: {
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [...fields, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
			send: { in: 'body' },
			fields: validation,
		},
	],
	output: { root: 'business|buiseness' },
};
