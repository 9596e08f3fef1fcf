import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chosenContact, matching } from './searchHelpers';
import { LOOKUPS } from './lookups';
import { lookupRequest, lookupTarget } from './target';

const PAGE = 20;

/** Locations: all of the agency's (agency token), or the token's own sub-account. */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this, false);
	const { session } = target;
	if (session.tokenType === 'Location' && session.tokenLocationId) {
		const response = await lookupRequest(this, { session, locationId: session.tokenLocationId }, LOOKUPS.location, {
			pathParams: { locationId: session.tokenLocationId },
		});
		const location = ((response.body as IDataObject)?.location ?? {}) as IDataObject;
		return { results: [{ name: String(location.name ?? session.tokenLocationId), value: session.tokenLocationId }] };
	}
	const skip = Number(paginationToken ?? 0);
	const response = await lookupRequest(this, { session }, LOOKUPS.locations, { qs: { companyId: session.companyId, skip, limit: PAGE } });
	const locations = ((response.body as IDataObject)?.locations ?? []) as IDataObject[];
	const needle = (filter ?? '').toLowerCase();
	return {
		results: locations
			.filter((l) => !needle || String(l.name ?? '').toLowerCase().includes(needle))
			.map((l) => ({ name: String(l.name ?? l.id), value: String(l.id) })),
		paginationToken: locations.length === PAGE ? String(skip + PAGE) : undefined,
	};
}

/** Contacts of the chosen location, matched by name, email or phone. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const page = Number(paginationToken ?? 1);
	const response = await lookupRequest(this, target, LOOKUPS.contacts, { body: { locationId: target.locationId, page, pageLimit: PAGE, ...(filter ? { query: filter } : {}) } });
	const contacts = ((response.body as IDataObject)?.contacts ?? []) as IDataObject[];
	return {
		results: contacts.map((c) => {
			const name = [c.firstName, c.lastName].filter(Boolean).join(' ') || String(c.contactName ?? '');
			const label = [name, c.email ?? c.phone].filter(Boolean).join(' · ') || String(c.id);
			return { name: label, value: String(c.id) };
		}),
		paginationToken: contacts.length === PAGE ? String(page + 1) : undefined,
	};
}

/** Tasks of the contact chosen in the same node. */
export async function searchTasks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const contactId = chosenContact(this);
	const response = await lookupRequest(this, target, LOOKUPS.tasks, { pathParams: { contactId } });
	const tasks = ((response.body as IDataObject)?.tasks ?? []) as IDataObject[];
	return matching(tasks, filter, (t) => `${String(t.title ?? t.id)}${t.completed ? ' (done)' : ''}`);
}

/** Notes of the contact chosen in the same node. */
export async function searchNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const contactId = chosenContact(this);
	const response = await lookupRequest(this, target, LOOKUPS.notes, { pathParams: { contactId } });
	const notes = ((response.body as IDataObject)?.notes ?? []) as IDataObject[];
	return matching(notes, filter, (n) => String(n.title || String(n.body ?? n.id).slice(0, 60)));
}

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.campaigns, { qs: { locationId: target.locationId } });
	const campaigns = ((response.body as IDataObject)?.campaigns ?? []) as IDataObject[];
	return matching(campaigns, filter, (c) => `${String(c.name ?? c.id)}${c.status ? ` (${String(c.status)})` : ''}`);
}

export async function searchBusinesses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.businesses, { qs: { locationId: target.locationId } });
	const businesses = ((response.body as IDataObject)?.businesses ?? []) as IDataObject[];
	return matching(businesses, filter, (b) => String(b.name ?? b.id));
}

export async function searchOpportunities(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.opportunities, { qs: { location_id: target.locationId, limit: 50, ...(filter ? { q: filter } : {}) } });
	const opportunities = ((response.body as IDataObject)?.opportunities ?? []) as IDataObject[];
	return matching(opportunities, undefined, (o) => `${String(o.name ?? o.id)}${o.status ? ` (${String(o.status)})` : ''}`);
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this, false);
	const response = target.locationId
		? await lookupRequest(this, target, LOOKUPS.users, { qs: { locationId: target.locationId } })
		: await lookupRequest(this, target, LOOKUPS.agencyUsers, { qs: { companyId: target.session.companyId, limit: 100, ...(filter ? { query: filter } : {}) } });
	const users = ((response.body as IDataObject)?.users ?? []) as IDataObject[];
	return matching(users, filter, (u) => `${String(u.name ?? [u.firstName, u.lastName].filter(Boolean).join(' '))}${u.email ? ` · ${String(u.email)}` : ''}`);
}

export async function searchWorkflows(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.workflows, { qs: { locationId: target.locationId } });
	const workflows = ((response.body as IDataObject)?.workflows ?? []) as IDataObject[];
	return matching(workflows, filter, (w) => `${String(w.name ?? w.id)}${w.status ? ` (${String(w.status)})` : ''}`);
}
