import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { businessId } from './fields';

export const get: OperationDeclaration = {
	resource: 'business',
	operation: 'get',
	name: 'Get',
	action: 'Get a business',
	description: 'Retrieve one business',
	method: 'GET',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.readonly'],
	location: { in: 'token' },
	params: [businessId],
	output: { root: 'business' },
};
