import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { requiredText, paging } from '../association/fields';

export const getByRecord: OperationDeclaration = {
	resource: 'relation',
	operation: 'getByRecord',
	name: 'Get Many by Record',
	action: 'Get relations of a record',
	description: 'List the records linked to a record',
	method: 'GET',
	path: '/associations/relations/{recordId}',
	version: VERSION,
	scopes: ['associations/relation.readonly'],
	location: { in: 'query' },
	params: [
		requiredText('Record ID', 'recordId', { in: 'path' }, { description: 'A contact, opportunity or custom object record' }),
		{
			property: { displayName: 'Association IDs', name: 'associationIds', type: 'string', default: '', description: 'Comma-separated association IDs to limit the relations to' },
			send: { in: 'query', as: 'list' },
		},
	],
	paging,
	output: { root: 'relations|', list: true },
};
