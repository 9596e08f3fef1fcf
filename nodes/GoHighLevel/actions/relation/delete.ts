import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { requiredText } from '../association/fields';

export const deleteRelation: OperationDeclaration = {
	resource: 'relation',
	operation: 'delete',
	name: 'Delete',
	action: 'Unlink two records',
	description: 'Delete a relation between two records',
	method: 'DELETE',
	path: '/associations/relations/{relationId}',
	version: VERSION,
	scopes: ['associations/relation.write'],
	location: { in: 'query' },
	params: [requiredText('Relation ID', 'relationId', { in: 'path' })],
	output: { confirm: true },
};
