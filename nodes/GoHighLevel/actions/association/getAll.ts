import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, paging } from './fields';

export const getAll: OperationDeclaration = {
	resource: 'association',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get associations',
	description: 'List the association types of the location (e.g. contact ↔ company)',
	method: 'GET',
	path: '/associations/',
	version: VERSION,
	scopes: READ,
	location: { in: 'query' },
	params: [],
	paging,
	output: { root: 'associations|', list: true },
};
