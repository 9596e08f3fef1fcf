import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { USER_SIMPLE_FIELDS } from './fields';

export const filterByEmail: OperationDeclaration = {
	resource: 'user',
	operation: 'filterByEmail',
	name: 'Filter by Email',
	action: 'Find agency users by email',
	description: 'Find users of the agency by email addresses',
	method: 'POST',
	path: '/users/search/filter-by-email',
	version: VERSION,
	scopes: ['users.readonly'],
	idempotent: true,
	agencyOnly: true,
	company: { in: 'body' },
	params: [
		{
			property: { displayName: 'Emails', name: 'emails', type: 'string', default: '', required: true, placeholder: 'ana@example.com,bo@example.com', description: 'Comma-separated email addresses' },
			send: { in: 'body' },
		},
		{ property: { displayName: 'Include Deleted', name: 'deleted', type: 'boolean', default: false, description: 'Whether to include deleted users' }, send: { in: 'body' } },
	],
	output: { root: 'users', list: true, simplify: USER_SIMPLE_FIELDS },
};
