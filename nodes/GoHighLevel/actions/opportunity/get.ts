import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, OPPORTUNITY_SIMPLE_FIELDS, opportunityId } from './fields';

export const get: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'get',
	name: 'Get',
	action: 'Get an opportunity',
	description: 'Retrieve one opportunity',
	method: 'GET',
	path: '/opportunities/{id}',
	version: VERSION,
	scopes: READ,
	location: { in: 'token' },
	customFields: 'opportunity',
	params: [opportunityId],
	output: { root: 'opportunity', simplify: OPPORTUNITY_SIMPLE_FIELDS },
};
