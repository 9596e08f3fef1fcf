import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS, CREATE_FIELDS, contactFieldsParam, customFieldsParam, emailParam, phoneParam } from './fields';

export const create: OperationDeclaration = {
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a new contact in the location',
	method: 'POST',
	path: '/contacts/',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'body' },
	customFields: 'contact',
	params: [emailParam, phoneParam, contactFieldsParam('additionalFields', 'Additional Fields', CREATE_FIELDS), customFieldsParam],
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
};
