import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, opportunityId, followers } from './fields';

export const addFollowers: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'addFollowers',
	name: 'Add Followers',
	action: 'Add followers to an opportunity',
	description: 'Add users who follow an opportunity',
	method: 'POST',
	path: '/opportunities/{id}/followers',
	version: VERSION,
	scopes: WRITE,
	location: { in: 'token' },
	params: [opportunityId, followers],
	output: {},
};
