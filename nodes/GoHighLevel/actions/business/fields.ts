import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../kit';

export const businessId = recordLocator({ name: 'businessId', displayName: 'Business', searchMethod: 'searchBusinesses', send: { in: 'path' } });

export const fields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Country', name: 'country', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '' },
];

export const nameField: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const validation = { email: { validate: 'email' as const }, phone: { validate: 'phone' as const }, website: { validate: 'url' as const } };
