import type { OperationDeclaration } from '../../engine/declarations';
import { groupLocator } from '../calendar/common';
import { base } from './fields';

export const deleteGroup: OperationDeclaration = {
	...base,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a calendar group',
	description: 'Delete a calendar group',
	method: 'DELETE',
	path: '/calendars/groups/{groupId}',
	scopes: ['calendars/groups.write'],
	location: { in: 'token' },
	params: [groupLocator({ in: 'path' })],
	output: { confirm: true },
};
