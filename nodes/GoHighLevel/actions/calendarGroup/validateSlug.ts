import { textParam } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { base, slugHelp } from './fields';

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
