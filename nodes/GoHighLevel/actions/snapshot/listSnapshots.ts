import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const listSnapshots: OperationDeclaration = {
	resource: 'snapshot',
	operation: 'listSnapshots',
	formerly: 'automation:listSnapshots',
	name: 'List Snapshots',
	action: 'List snapshots',
	description: 'List the account snapshots of the agency',
	method: 'GET',
	path: '/snapshots/',
	version: VERSION,
	scopes: [],
	agencyOnly: true,
	company: { in: 'query' },
	params: [],
	output: { root: 'snapshots', list: true },
};
