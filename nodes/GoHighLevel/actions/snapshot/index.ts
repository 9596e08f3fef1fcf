import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';

const V = '2021-07-28' as const;

export const listSnapshots: OperationDeclaration = {
	resource: 'snapshot',
	operation: 'listSnapshots',
	formerly: 'automation:listSnapshots',
	name: 'List Snapshots',
	action: 'List snapshots',
	description: 'List the account snapshots of the agency',
	method: 'GET',
	path: '/snapshots/',
	version: V,
	scopes: [],
	agencyOnly: true,
	company: { in: 'query' },
	params: [],
	output: { root: 'snapshots', list: true },
};

export const snapshotResource: ResourceInfo = {
	area: 'agency',
	value: 'snapshot',
	name: 'Snapshot',
	description: 'Account snapshots of the agency',
	defaultOperation: 'listSnapshots',
};
