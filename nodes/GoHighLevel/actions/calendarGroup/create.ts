import { textParam } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { base, slugHelp } from './fields';

export const create: OperationDeclaration = {
	...base,
	operation: 'create',
	name: 'Create',
	action: 'Create a calendar group',
	description: 'Create a group that bundles calendars on one booking page',
	method: 'POST',
	path: '/calendars/groups',
	scopes: ['calendars/groups.write'],
	location: { in: 'body' },
	params: [
		textParam('Name', 'name', { in: 'body' }, { required: true }),
		textParam('Description', 'description', { in: 'body' }, { required: true }),
		textParam('Slug', 'slug', { in: 'body' }, { required: true, ...slugHelp }),
		{ property: { displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the group takes bookings' }, send: { in: 'body' } },
	],
	output: { root: 'group' },
};
