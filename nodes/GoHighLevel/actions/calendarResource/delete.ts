import type { OperationDeclaration } from '../../engine/declarations';
import { resourceType, resourceParam, resourceBase } from './fields';

export const deleteCalendarResource: OperationDeclaration = {
	...resourceBase,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a room or equipment',
	description: 'Delete a room or piece of equipment',
	method: 'DELETE',
	path: '/calendars/resources/{resourceType}/{id}',
	scopes: ['calendars/resources.write'],
	location: { in: 'token' },
	params: [resourceType, resourceParam],
	output: { confirm: true },
};
