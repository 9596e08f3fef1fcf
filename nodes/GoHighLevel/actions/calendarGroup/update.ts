import { textParam } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { groupLocator } from '../calendar/common';
import { base, slugHelp } from './fields';

export const update: OperationDeclaration = {
	...base,
	operation: 'update',
	name: 'Update',
	action: 'Update a calendar group',
	description: 'Change the name, description and slug of a group',
	method: 'PUT',
	path: '/calendars/groups/{groupId}',
	scopes: ['calendars/groups.write'],
	location: { in: 'token' },
	params: [
		groupLocator({ in: 'path' }),
		textParam('Name', 'name', { in: 'body' }, { required: true }),
		textParam('Description', 'description', { in: 'body' }, { required: true }),
		textParam('Slug', 'slug', { in: 'body' }, { required: true, ...slugHelp }),
	],
	output: { root: 'group' },
};
