import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { matching } from './searchHelpers';
import type { LookupDeclaration } from '../engine/declarations';
import { LOOKUPS } from './lookups';
import { lookupRequest, lookupTarget } from './target';

export async function searchConversations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.conversations, { qs: { locationId: target.locationId, limit: 50, ...(filter ? { query: filter } : {}) } });
	const conversations = ((response.body as IDataObject)?.conversations ?? []) as IDataObject[];
	return matching(conversations, undefined, (c) =>
		[c.fullName ?? c.contactName, c.email ?? c.phone, c.lastMessageBody ? String(c.lastMessageBody).slice(0, 40) : undefined].filter(Boolean).join(' · ') || String(c.id),
	);
}

export async function searchAssociations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.associations, { qs: { locationId: target.locationId, skip: 0, limit: 100 } });
	const associations = ((response.body as IDataObject)?.associations ?? []) as IDataObject[];
	return matching(associations, filter, (a) => `${String(a.key ?? a.id)} (${String(a.firstObjectKey ?? '')} ↔ ${String(a.secondObjectKey ?? '')})`);
}

export async function searchBlogs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.blogs, { qs: { locationId: target.locationId, skip: 0, limit: 100, ...(filter ? { searchTerm: filter } : {}) } });
	const blogs = ((response.body as IDataObject)?.data ?? []) as IDataObject[];
	return matching(blogs.map((b) => ({ ...b, id: b._id ?? b.id })), undefined, (b) => String(b.name ?? b.id));
}

async function blogLookup(ctx: ILoadOptionsFunctions, lookup: LookupDeclaration, root: string): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(ctx);
	const response = await lookupRequest(ctx, target, lookup, { qs: { locationId: target.locationId, limit: 100, offset: 0 } });
	const records = ((response.body as IDataObject)?.[root] ?? []) as IDataObject[];
	return records
		.map((r) => ({ name: String(r.name ?? r.label ?? r._id ?? r.id), value: String(r._id ?? r.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getBlogAuthors(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await blogLookup(this, LOOKUPS.blogAuthors, 'authors');
}

export async function getBlogCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await blogLookup(this, LOOKUPS.blogCategories, 'categories');
}
