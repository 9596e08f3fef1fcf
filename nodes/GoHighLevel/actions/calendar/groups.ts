import { textParam, VERSION_2021_04_15 } from '../kit';
import type { INodeProperties } from 'n8n-workflow';

import type { OperationDeclaration, ResourceInfo } from '../../engine/declarations';
import { groupLocator } from './common';

const base = { resource: 'calendarGroup', version: VERSION_2021_04_15 } as const;
const slugHelp: Partial<INodeProperties> = { placeholder: 'e.g. sales-team', description: 'URL part of the group’s booking page' };

export const getAll: OperationDeclaration = {
	...base,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get calendar groups',
	description: 'List the calendar groups of the location',
	method: 'GET',
	path: '/calendars/groups',
	scopes: ['calendars/groups.readonly'],
	location: { in: 'query' },
	params: [],
	output: { root: 'groups', list: true },
};

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

export const validateSlug: OperationDeclaration = {
	...base,
	operation: 'validateSlug',
	name: 'Validate Slug',
	action: 'Check whether a group slug is free',
	description: 'Check that a slug is not used by another group before creating it',
	method: 'POST',
	path: '/calendars/groups/validate-slug',
	scopes: ['calendars/groups.write'],
	idempotent: true,
	location: { in: 'body' },
	params: [textParam('Slug', 'slug', { in: 'body' }, { required: true, ...slugHelp })],
	output: {},
};

export const calendarGroupResource: ResourceInfo = {
	area: 'crm',
	value: 'calendarGroup',
	name: 'Calendar Group',
	description: 'Groups of calendars sharing a booking page',
	defaultOperation: 'create',
};
