import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { userId } from './fields';

export const deleteUser: OperationDeclaration = {
	resource: 'user',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a user',
	description: 'Remove a user',
	method: 'DELETE',
	path: '/users/{userId}',
	version: VERSION,
	scopes: ['users.write'],
	params: [userId],
	output: { confirm: true },
};
