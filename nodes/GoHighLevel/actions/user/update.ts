import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS, userId, type, role, locationIds, optional, fieldMapping } from './fields';

export const update: OperationDeclaration = {
	resource: 'user',
	operation: 'update',
	name: 'Update',
	action: 'Update a user',
	description: 'Change a user; fields left out keep their values',
	method: 'PUT',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.write'],
	params: [
		userId,
		{
			property: {
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					locationIds,
					{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
					role,
					type,
					...optional,
				],
			},
			send: { in: 'body' },
			fields: fieldMapping,
		},
	],
	output: { simplify: USER_SIMPLE_FIELDS },
};
