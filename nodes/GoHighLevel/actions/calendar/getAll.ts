import type { OperationDeclaration } from '../../engine/declarations';
import { groupLocator } from './common';
import { base } from './fields';

export const getAll: OperationDeclaration = {
	...base,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get calendars',
	description: 'List the calendars of the location, optionally of one group',
	method: 'GET',
	path: '/calendars/',
	scopes: ['calendars.readonly'],
	location: { in: 'query' },
	params: [
		groupLocator({ in: 'query' }, false),
		{ property: { displayName: 'Include Drafts', name: 'showDrafted', type: 'boolean', default: false, description: 'Whether to include draft calendars' }, send: { in: 'query' } },
	],
	output: { root: 'calendars', list: true },
};
