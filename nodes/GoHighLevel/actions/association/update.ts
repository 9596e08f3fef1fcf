import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, requiredText, associationId } from './fields';

export const update: OperationDeclaration = {
	resource: 'association',
	operation: 'update',
	name: 'Update',
	action: 'Update an association',
	description: 'Rename the labels of an association type',
	method: 'PUT',
	path: '/associations/{associationId}',
	version: VERSION,
	scopes: WRITE,
	location: { in: 'token' },
	params: [associationId, requiredText('First Object Label', 'firstObjectLabel', { in: 'body' }), requiredText('Second Object Label', 'secondObjectLabel', { in: 'body' })],
	output: {},
};
