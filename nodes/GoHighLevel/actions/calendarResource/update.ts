import { collection } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { resourceType, resourceParam, resourceFields, resourceBase } from './fields';

export const update: OperationDeclaration = {
	...resourceBase,
	operation: 'update',
	name: 'Update',
	action: 'Update a room or equipment',
	description: 'Change a room or piece of equipment',
	method: 'PUT',
	path: '/calendars/resources/{resourceType}/{id}',
	scopes: ['calendars/resources.write'],
	location: { in: 'token' },
	params: [
		resourceType,
		resourceParam,
		collection('updateFields', 'Update Fields', [...resourceFields, { displayName: 'Active', name: 'isActive', type: 'boolean', default: true }], {
			calendarIds: { send: { as: 'list' } },
		}),
	],
	output: {},
};
