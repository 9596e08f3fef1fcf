import type { OperationDeclaration } from '../../engine/declarations';
import { groupLocator } from '../calendar/common';
import { base } from './fields';

export const setStatus: OperationDeclaration = {
	...base,
	operation: 'setStatus',
	name: 'Enable or Disable',
	action: 'Enable or disable a calendar group',
	description: 'Turn bookings for a group on or off',
	method: 'PUT',
	path: '/calendars/groups/{groupId}/status',
	scopes: ['calendars/groups.write'],
	location: { in: 'token' },
	params: [
		groupLocator({ in: 'path' }),
		{ property: { displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the group takes bookings' }, send: { in: 'body' } },
	],
	output: {},
};
