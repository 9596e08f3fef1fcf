import type { INodeProperties } from 'n8n-workflow';

import type { ParamDeclaration } from '../../engine/declarations';
import { collection, recordLocator, text, userPicker } from '../kit';

export const CONTACT_SIMPLE_FIELDS = [
	'id',
	'firstName',
	'lastName',
	'contactName',
	'email',
	'phone',
	'companyName',
	'tags',
	'assignedTo',
	'dateAdded',
	'dateUpdated',
];

export const contactIdParam: ParamDeclaration = recordLocator({
	name: 'contactId',
	displayName: 'Contact',
	searchMethod: 'searchContacts',
	send: { in: 'path' },
	description: 'The contact to act on',
});

export const emailParam: ParamDeclaration = {
	property: {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Email address of the contact',
	},
	send: { in: 'body' },
	validate: 'email',
};

export const phoneParam: ParamDeclaration = {
	property: {
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+14155550100',
		description: 'Phone number in international format',
	},
	send: { in: 'body' },
	validate: 'phone',
};

const FIELD_OPTIONS: Record<string, INodeProperties> = {
	address1: text('Address', 'address1', { description: 'Street address' }),
	assignedTo: userPicker('assignedTo', 'Assigned To', { description: 'User who owns the contact' }),
	city: text('City', 'city', { description: 'City' }),
	companyName: text('Company Name', 'companyName', { description: 'Company the contact works for' }),
	country: text('Country Code', 'country', { description: 'Two-letter ISO country code', placeholder: 'US' }),
	dateOfBirth: text('Date of Birth', 'dateOfBirth', { description: 'Birth date as YYYY-MM-DD', placeholder: '1990-09-25' }),
	email: text('Email', 'email', { description: 'Email address of the contact', placeholder: 'name@email.com' }),
	dnd: {
		displayName: 'Do Not Disturb',
		name: 'dnd',
		type: 'boolean',
		default: false,
		description: 'Whether to block all outbound messages to the contact',
	},
	firstName: text('First Name', 'firstName', { description: 'First name of the contact' }),
	gender: {
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: [
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
			{ name: 'Other', value: 'other' },
		],
		default: 'female',
	},
	lastName: text('Last Name', 'lastName', { description: 'Last name of the contact' }),
	name: text('Full Name', 'name', { description: 'Full name, when first and last name are not split' }),
	phone: text('Phone', 'phone', { description: 'Phone number in international format', placeholder: '+14155550100' }),
	postalCode: text('Postal Code', 'postalCode', { description: 'Postal or ZIP code' }),
	source: text('Source', 'source', { description: 'Where the contact came from, e.g. "n8n" or "website form"' }),
	state: text('State', 'state', { description: 'State or region' }),
	tags: text('Tags', 'tags', { description: 'Comma-separated tags', placeholder: 'customer, vip' }),
	timezone: {
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description: 'Timezone of the contact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	website: text('Website', 'website', { description: 'Website URL' }),
};

/** The contact fields a request may set, as a collection; `only` limits it to what the endpoint accepts. */
export function contactFieldsParam(name: string, displayName: string, only: string[], tagsNote = ''): ParamDeclaration {
	const options = only.map((key) => {
		const option = FIELD_OPTIONS[key];
		return key === 'tags' && tagsNote ? { ...option, description: `${option.description}. ${tagsNote}` } : option;
	});
	return collection(name, displayName, options, {
		tags: { send: { as: 'list' } },
		website: { validate: 'url' },
		email: { validate: 'email' },
		phone: { validate: 'phone' },
	});
}

export const customFieldsParam: ParamDeclaration = {
	property: {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Values for the location’s custom contact fields, picked by name',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	send: { in: 'body', as: 'customFields' },
};

export const CREATE_FIELDS = [
	'address1', 'assignedTo', 'city', 'companyName', 'country', 'dateOfBirth', 'dnd', 'firstName', 'gender',
	'lastName', 'name', 'postalCode', 'source', 'state', 'tags', 'timezone', 'website',
];
export const UPDATE_FIELDS = [
	'address1', 'assignedTo', 'city', 'country', 'dateOfBirth', 'dnd', 'email', 'firstName', 'lastName',
	'name', 'phone', 'postalCode', 'source', 'state', 'tags', 'timezone', 'website',
];

export const tagsParam: ParamDeclaration = {
	property: {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Tags are matched by name. An expression may give an array or comma-separated names; unknown tags are created.',
	},
	send: { in: 'body', as: 'list' },
};
