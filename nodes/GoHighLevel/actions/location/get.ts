import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const get: OperationDeclaration = {
	resource: 'location',
	operation: 'get',
	name: 'Get',
	action: 'Get a location',
	description: 'Retrieve a sub-account with its settings (the node’s Location, or the credential’s)',
	method: 'GET',
	path: '/locations/{locationId}',
	version: VERSION,
	scopes: ['locations.readonly'],
	location: { in: 'path' },
	params: [],
	output: { root: 'location' },
};
