import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OperationRuntime } from '../../engine/runtime';
import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS } from './fields';

const contactLocator = recordLocator({ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', send: { in: 'path' } });

const READ = { version: VERSION, scopes: ['contacts.readonly'] };

async function byId(runtime: OperationRuntime, contactId: string): Promise<IDataObject[]> {
	const found = await runtime
		.request({ method: 'GET', path: '/contacts/{contactId}', pathParams: { contactId }, ...READ })
		.then((response) => (response.body as IDataObject)?.contact as IDataObject | undefined)
		.catch((error: unknown) => {
			// Not found is an answer here, not a failure.
			if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
			throw error;
		});
	return found ? [found] : [];
}

/** Email or phone: the location's duplicate rule first, then an exact search as a fallback. */
async function byEmailOrPhone(runtime: OperationRuntime, field: 'email' | 'phone', value: string): Promise<IDataObject[]> {
	const duplicate = await runtime.request({
		method: 'GET',
		path: '/contacts/search/duplicate',
		qs: { locationId: runtime.locationId, [field === 'email' ? 'email' : 'number']: value },
		...READ,
	});
	const contact = (duplicate.body as IDataObject)?.contact as IDataObject | null | undefined;
	if (contact) return [contact];
	const search = await runtime.request({
		method: 'POST',
		path: '/contacts/search',
		body: { locationId: runtime.locationId, page: 1, pageLimit: 1, filters: [{ field, operator: 'eq', value }] },
		idempotent: true,
		...READ,
	});
	return (((search.body as IDataObject)?.contacts ?? []) as IDataObject[]).slice(0, 1);
}

export const find: OperationDeclaration = {
	resource: 'contact',
	operation: 'find',
	name: 'Find',
	action: 'Find a contact by ID, email or phone',
	description: 'Look a contact up by ID, email or phone. Outputs nothing when no contact matches.',
	method: 'GET',
	path: '/contacts/{contactId}',
	version: VERSION,
	scopes: ['contacts.readonly'],
	location: { in: 'token' },
	customFields: 'contact',
	params: [
		{
			property: {
				displayName: 'Find By',
				name: 'findBy',
				type: 'options',
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'ID', value: 'id' },
					{ name: 'Phone', value: 'phone' },
				],
				default: 'email',
			},
		},
		{ ...contactLocator, property: { ...contactLocator.property, displayOptions: { show: { findBy: ['id'] } } } },
		{
			property: {
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				required: true,
				displayOptions: { show: { findBy: ['email'] } },
			},
			validate: 'email',
		},
		{
			property: {
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				placeholder: '+14155550100',
				default: '',
				required: true,
				displayOptions: { show: { findBy: ['phone'] } },
			},
			validate: 'phone',
		},
	],
	extraRequests: [
		{ method: 'GET', path: '/contacts/search/duplicate', ...READ },
		{ method: 'POST', path: '/contacts/search', ...READ },
	],
	async run(runtime) {
		const findBy = runtime.ctx.getNodeParameter('findBy', runtime.itemIndex) as 'id' | 'email' | 'phone';
		if (findBy === 'id') return await byId(runtime, runtime.parts.pathParams.contactId);
		const value = String(runtime.ctx.getNodeParameter(findBy, runtime.itemIndex)).trim();
		return await byEmailOrPhone(runtime, findBy, value);
	},
	output: { root: 'contact', simplify: CONTACT_SIMPLE_FIELDS },
};
