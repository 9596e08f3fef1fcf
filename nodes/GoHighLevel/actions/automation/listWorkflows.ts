import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const listWorkflows: OperationDeclaration = {
	resource: 'automation',
	operation: 'listWorkflows',
	name: 'List Workflows',
	action: 'List workflows',
	description: 'List the automation workflows of the location',
	method: 'GET',
	path: '/workflows/',
	version: VERSION,
	scopes: ['workflows.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'workflows', list: true },
};
