import type { OperationDeclaration } from '../../engine/declarations';
import { resourceType, resourceParam, resourceBase } from './fields';

export const get: OperationDeclaration = {
	...resourceBase,
	operation: 'get',
	name: 'Get',
	action: 'Get a room or equipment',
	description: 'Retrieve one room or piece of equipment',
	method: 'GET',
	path: '/calendars/resources/{resourceType}/{id}',
	scopes: ['calendars/resources.readonly'],
	location: { in: 'token' },
	params: [resourceType, resourceParam],
	output: {},
};
