import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, opportunityId } from './fields';

export const deleteOpportunity: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an opportunity',
	description: 'Delete an opportunity permanently',
	method: 'DELETE',
	path: '/opportunities/{id}',
	version: VERSION,
	scopes: WRITE,
	location: { in: 'token' },
	params: [opportunityId],
	output: { confirm: true },
};
