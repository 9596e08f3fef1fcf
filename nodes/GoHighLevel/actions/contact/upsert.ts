import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS, CREATE_FIELDS, contactFieldsParam, customFieldsParam, emailParam, phoneParam } from './fields';

export const upsert: OperationDeclaration = {
	resource: 'contact',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description:
		'Update the contact matching the email or phone (following the location’s duplicate-contact settings), or create it. Works with a phone number alone.',
	method: 'POST',
	path: '/contacts/upsert',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'body' },
	customFields: 'contact',
	params: [emailParam, phoneParam, contactFieldsParam('additionalFields', 'Additional Fields', CREATE_FIELDS), customFieldsParam],
	output: { root: 'contact', include: ['new'], simplify: CONTACT_SIMPLE_FIELDS },
};
