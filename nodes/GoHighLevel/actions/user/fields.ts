import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../kit';

export const USER_SIMPLE_FIELDS = ['id', 'name', 'firstName', 'lastName', 'email', 'phone', 'roles'];

export const userId = recordLocator({ name: 'userId', displayName: 'User', searchMethod: 'searchUsers', send: { in: 'path' } });

export const type: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Account (Sub-Account User)', value: 'account' },
		{ name: 'Agency', value: 'agency' },
	],
	default: 'account',
};

export const role: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Admin', value: 'admin' },
		{ name: 'User', value: 'user' },
	],
	default: 'user',
};

export const locationIds: INodeProperties = {
	displayName: 'Location IDs',
	name: 'locationIds',
	type: 'string',
	default: '',
	description: 'Comma-separated sub-accounts the user may access',
};

export const optional: INodeProperties[] = [
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+14155550100' },
	{
		displayName: 'Language',
		name: 'platformLanguage',
		type: 'options',
		options: [
			['Danish', 'da'], ['Dutch', 'nl'], ['English (US)', 'en_US'], ['Finnish', 'fi'], ['French (Canada)', 'fr_CA'], ['French (France)', 'fr_FR'],
			['German', 'de'], ['Italian', 'it'], ['Norwegian', 'no'], ['Portuguese (Brazil)', 'pt_BR'], ['Portuguese (Portugal)', 'pt_PT'], ['Spanish', 'es'], ['Swedish', 'sv'],
		].map(([name, value]) => ({ name, value })),
		default: 'en_US',
	},
	{ displayName: 'Permissions (JSON)', name: 'permissions', type: 'json', default: '{}', description: 'HighLevel permission flags, e.g. {"campaignsEnabled":true,"contactsEnabled":true}' },
	{ displayName: 'Profile Photo URL', name: 'profilePhoto', type: 'string', default: '' },
];

export const fieldMapping = {
	locationIds: { send: { as: 'list' as const } },
	permissions: { send: { as: 'json' as const } },
	email: { validate: 'email' as const },
	phone: { validate: 'phone' as const },
	profilePhoto: { validate: 'url' as const },
};
