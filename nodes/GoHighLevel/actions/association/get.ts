import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, associationId } from './fields';

export const get: OperationDeclaration = {
	resource: 'association',
	operation: 'get',
	name: 'Get',
	action: 'Get an association',
	description: 'Retrieve one association type',
	method: 'GET',
	path: '/associations/{associationId}',
	version: VERSION,
	scopes: READ,
	location: { in: 'token' },
	params: [associationId],
	output: {},
};
