import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS, userId } from './fields';

export const get: OperationDeclaration = {
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Retrieve one user',
	method: 'GET',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.readonly'],
	params: [userId],
	output: { simplify: USER_SIMPLE_FIELDS },
};
