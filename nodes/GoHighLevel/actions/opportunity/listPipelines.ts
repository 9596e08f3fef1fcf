import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ } from './fields';

export const listPipelines: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'listPipelines',
	name: 'List Pipelines',
	action: 'List pipelines',
	description: 'List the pipelines of the location with their stages',
	method: 'GET',
	path: '/opportunities/pipelines',
	version: VERSION,
	scopes: READ,
	location: { in: 'query' },
	params: [],
	output: { root: 'pipelines', list: true },
};
