import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { definitionsOf } from '../engine/customFields';
import { LOOKUPS } from './lookups';
import { lookupRequest, lookupTarget } from './target';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.users, { qs: { locationId: target.locationId } });
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
	const response = await lookupRequest(ctx, target, LOOKUPS.customFields, { pathParams: { locationId: target.locationId! }, qs: { model } });
	return definitionsOf(response.body)
		.map((f) => ({
			name: f.name,
			value: f.id,
			description: [f.dataType, f.fieldKey].filter(Boolean).join(' · '),
		}))
		.sort(byName);
}

export async function getOpportunityCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFieldOptions(this, 'opportunity');
}

async function pipelines(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const target = await lookupTarget(ctx);
	const response = await lookupRequest(ctx, target, LOOKUPS.pipelines, { qs: { locationId: target.locationId } });
	return ((response.body as IDataObject)?.pipelines ?? []) as IDataObject[];
}

export async function getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await pipelines(this)).map((p) => ({ name: String(p.name ?? p.id), value: String(p.id) })).sort(byName);
}

/** Stages of the pipeline chosen in the same node (top level, in Filters or in Update Fields). */
export async function getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let pipelineId = '';
	for (const path of ['pipelineId', 'filters.pipelineId', 'updateFields.pipelineId', 'additionalFields.pipelineId']) {
		try {
			pipelineId = String(this.getCurrentNodeParameter(path) ?? '').trim();
		} catch {
			pipelineId = '';
		}
		if (pipelineId) break;
	}
	const all = await pipelines(this);
	const chosen = pipelineId ? all.filter((p) => p.id === pipelineId) : all;
	return chosen.flatMap((p) =>
		((p.stages ?? []) as IDataObject[]).map((stage) => ({
			name: pipelineId ? String(stage.name) : `${String(p.name)} → ${String(stage.name)}`,
			value: String(stage.id),
		})),
	);
}

export async function getContactCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFieldOptions(this, 'contact');
}

export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.timezones, { pathParams: { locationId: target.locationId! } });
	const body = (response.body ?? {}) as IDataObject;
	const zones = (body.timeZones ?? body.timezones ?? []) as unknown[];
	return zones.map((z) => String(typeof z === 'object' && z !== null ? (z as IDataObject).name ?? (z as IDataObject).value : z)).sort().map((z) => ({ name: z, value: z }));
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await lookupTarget(this);
	const response = await lookupRequest(this, target, LOOKUPS.tags, { pathParams: { locationId: target.locationId! } });
	const tags = ((response.body as IDataObject)?.tags ?? []) as IDataObject[];
	// The tag name is the value: HighLevel adds and removes tags by name.
	return tags.map((t) => ({ name: String(t.name), value: String(t.name) })).sort(byName);
}
