import type { ResourceInfo } from '../../engine/declarations';

export const snapshotResource: ResourceInfo = {
	area: 'agency',
	value: 'snapshot',
	name: 'Snapshot',
	description: 'Account snapshots of the agency',
	defaultOperation: 'listSnapshots',
};
