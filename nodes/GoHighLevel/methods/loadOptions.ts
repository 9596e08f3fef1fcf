import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { lookupRequest, lookupTarget } from './target';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, {
		path: '/users/',
		template: '/users/',
		qs: { locationId: target.locationId },
		version: '2021-07-28',
		scopes: ['users.readonly'],
	});
	const users = ((response.body as IDataObject)?.users ?? []) as IDataObject[];
	return users
		.map((u) => ({
			name: String(u.name ?? ([u.firstName, u.lastName].filter(Boolean).join(' ') || u.email || u.id)),
			value: String(u.id),
			description: u.email ? String(u.email) : undefined,
		}))
		.sort(byName);
}

async function customFieldOptions(ctx: ILoadOptionsFunctions, model: 'contact' | 'opportunity'): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(ctx);
	const response = await lookupRequest(ctx, target, {
		path: `/locations/${encodeURIComponent(target.locationId!)}/customFields`,
		template: '/locations/{locationId}/customFields',
		qs: { model },
		version: '2021-07-28',
		scopes: ['locations/customFields.readonly'],
	});
	const fields = ((response.body as IDataObject)?.customFields ?? []) as IDataObject[];
	return fields
		.map((f) => ({
			name: String(f.name ?? f.fieldKey ?? f.id),
			value: String(f.id),
			description: [f.dataType, f.fieldKey].filter(Boolean).join(' · '),
		}))
		.sort(byName);
}

export async function getContactCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFieldOptions(this, 'contact');
}

export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, {
		path: `/locations/${encodeURIComponent(target.locationId!)}/timezones`,
		template: '/locations/{locationId}/timezones',
		version: '2021-07-28',
		scopes: ['locations.readonly'],
	});
	const body = (response.body ?? {}) as IDataObject;
	const zones = (body.timeZones ?? body.timezones ?? []) as unknown[];
	return zones.map((z) => String(typeof z === 'object' && z !== null ? (z as IDataObject).name ?? (z as IDataObject).value : z)).sort().map((z) => ({ name: z, value: z }));
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, {
		path: `/locations/${encodeURIComponent(target.locationId!)}/tags`,
		template: '/locations/{locationId}/tags',
		version: '2021-07-28',
		scopes: ['locations/tags.readonly'],
	});
	const tags = ((response.body as IDataObject)?.tags ?? []) as IDataObject[];
	// The tag name is the value: HighLevel adds and removes tags by name.
	return tags.map((t) => ({ name: String(t.name), value: String(t.name) })).sort(byName);
}
