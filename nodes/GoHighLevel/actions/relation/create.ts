import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { requiredText, associationId } from '../association/fields';

export const create: OperationDeclaration = {
	resource: 'relation',
	operation: 'create',
	name: 'Create',
	action: 'Link two records',
	description: 'Link two records through an association',
	method: 'POST',
	path: '/associations/relations',
	version: VERSION,
	scopes: ['associations/relation.write'],
	location: { in: 'body' },
	params: [{ ...associationId, send: { in: 'body' } }, requiredText('First Record ID', 'firstRecordId', { in: 'body' }), requiredText('Second Record ID', 'secondRecordId', { in: 'body' })],
	output: {},
};
