import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, associationId } from './fields';

export const deleteAssociation: OperationDeclaration = {
	resource: 'association',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an association',
	description: 'Delete an association type and its relations',
	method: 'DELETE',
	path: '/associations/{associationId}',
	version: VERSION,
	scopes: WRITE,
	location: { in: 'token' },
	params: [associationId],
	output: { confirm: true },
};
