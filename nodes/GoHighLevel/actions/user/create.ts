import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS, type, role, locationIds, optional, fieldMapping } from './fields';

export const create: OperationDeclaration = {
	resource: 'user',
	operation: 'create',
	name: 'Create',
	action: 'Create a user',
	description: 'Invite a team member to the agency or to sub-accounts',
	method: 'POST',
	path: '/users/',
	version: VERSION,
	scopes: ['users.write'],
	company: { in: 'body' },
	params: [
		{ property: { displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true }, send: { in: 'body' }, validate: 'email' },
		{ property: { displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true }, send: { in: 'body' } },
		{ property: type, send: { in: 'body' } },
		{ property: role, send: { in: 'body' } },
		{ property: { ...locationIds, required: true }, send: { in: 'body', as: 'list' } },
		{
			property: { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optional },
			send: { in: 'body' },
			fields: fieldMapping,
		},
	],
	output: { simplify: USER_SIMPLE_FIELDS },
};
