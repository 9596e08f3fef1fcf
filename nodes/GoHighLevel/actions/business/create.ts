import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { fields, validation } from './fields';

export const create: OperationDeclaration = {
	resource: 'business',
	operation: 'create',
	name: 'Create',
	action: 'Create a business',
	description: 'Create a business (company record) that contacts can belong to',
	method: 'POST',
	path: '/businesses/',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'body' },
	params: [
		{ property: { displayName: 'Name', name: 'name', type: 'string', default: '', required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: fields }, send: { in: 'body' }, fields: validation },
	],
	// The spec spells the response property "buiseness".
	output: { root: 'business|buiseness' },
};
