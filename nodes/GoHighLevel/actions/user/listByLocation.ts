import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS } from './fields';

export const listByLocation: OperationDeclaration = {
	resource: 'user',
	operation: 'listByLocation',
	name: 'List by Location (Deprecated)',
	action: 'List users of a location (deprecated endpoint)',
	description: 'List the users of a sub-account with the deprecated GET /users/ endpoint; prefer Search',
	deprecated: 'HighLevel has deprecated this endpoint. Use the Search operation with a Location ID filter.',
	method: 'GET',
	path: '/users/',
	version: VERSION,
	scopes: ['users.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'users', list: true, simplify: USER_SIMPLE_FIELDS },
};
