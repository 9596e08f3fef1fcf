// Opportunities: pipelines, the cursor search, CRUD, status, upsert and followers.
import { loadContract } from '../../contract';
import type { Opportunity, OpportunityFieldValue, OpportunityStatus, Pipeline, PipelineStage } from './state';
import { OPPORTUNITY_STATUSES, opportunitiesOf, pipelinesOf } from './state';
import type { SandboxState } from '../../state';
import { newId } from '../../state';
import { httpError, isPlainObject, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'pipeline/stage checks, search filters and cursors, upsert matching, custom fields by key';

// ---------------------------------------------------------------------------------------------
// Representation

function contactSummary(state: SandboxState, contactId: string | null): Record<string, unknown> | undefined {
	if (!contactId) return undefined;
	const c = state.contacts.get(contactId);
	if (!c) return undefined;
	const out: Record<string, unknown> = { id: c.id, name: [c.firstName, c.lastName].filter(Boolean).join(' ') };
	if (c.companyName) out.companyName = c.companyName;
	if (c.email) out.email = c.email;
	if (c.phone) out.phone = c.phone;
	out.tags = [...c.tags];
	return out;
}

export function opportunityToApi(state: SandboxState, o: Opportunity): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: o.id,
		name: o.name,
		monetaryValue: o.monetaryValue,
		pipelineId: o.pipelineId,
		pipelineStageId: o.pipelineStageId,
	};
	if (o.assignedTo) out.assignedTo = o.assignedTo;
	out.status = o.status;
	out.source = o.source;
	out.lastStatusChangeAt = o.lastStatusChangeAt;
	out.lastStageChangeAt = o.lastStageChangeAt;
	out.lastActionDate = o.updatedAt;
	out.createdAt = o.createdAt;
	out.updatedAt = o.updatedAt;
	if (o.contactId) out.contactId = o.contactId;
	out.locationId = o.locationId;
	const contact = contactSummary(state, o.contactId);
	if (contact) out.contact = contact;
	if (o.lostReasonId) out.lostReasonId = o.lostReasonId;
	out.customFields = o.customFields.map((f) => ({ id: f.id, fieldValue: f.fieldValue }));
	out.followers = [...o.followers];
	return out;
}

function pipelineToApi(p: Pipeline): Record<string, unknown> {
	return {
		id: p.id,
		name: p.name,
		stages: p.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
		showInFunnel: p.showInFunnel,
		showInPieChart: p.showInPieChart,
		locationId: p.locationId,
	};
}

// ---------------------------------------------------------------------------------------------
// Write helpers

function opportunityFor(ctx: RouteContext): Opportunity {
	const o = ctx.state.opportunities.get(ctx.params.id);
	if (!o) throw notFound('Opportunity');
	assertLocationAccess(ctx, o.locationId);
	return o;
}

function statusOrThrow(value: unknown): OpportunityStatus | undefined {
	if (value === undefined || value === null) return undefined;
	if (!OPPORTUNITY_STATUSES.includes(value as OpportunityStatus)) throw httpError(422, [`status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}`]);
	return value as OpportunityStatus;
}

/**
 * The pipeline and stage an opportunity lands in. A stage must belong to the pipeline; without a
 * stage, the current one is kept if it belongs to the pipeline, else the pipeline's first stage.
 */
function placement(state: SandboxState, locationId: string, pipelineId: unknown, stageId: unknown, current?: Opportunity): { pipeline: Pipeline; stage: PipelineStage } {
	const wantedPipeline = typeof pipelineId === 'string' && pipelineId ? pipelineId : current?.pipelineId;
	const pipeline = wantedPipeline ? state.pipelines.get(wantedPipeline) : undefined;
	if (!pipeline || pipeline.locationId !== locationId) throw httpError(400, `Pipeline ${String(wantedPipeline)} not found in this location`);
	if (typeof stageId === 'string' && stageId) {
		const stage = pipeline.stages.find((s) => s.id === stageId);
		if (!stage) throw httpError(400, `Pipeline stage ${stageId} does not belong to pipeline ${pipeline.id} (${pipeline.name})`);
		return { pipeline, stage };
	}
	const kept = current ? pipeline.stages.find((s) => s.id === current.pipelineStageId) : undefined;
	return { pipeline, stage: kept ?? pipeline.stages[0] };
}

function contactOrThrow(state: SandboxState, locationId: string, contactId: unknown): string {
	if (typeof contactId !== 'string' || !contactId) throw httpError(422, ['contactId should not be empty', 'contactId must be a string']);
	const c = state.contacts.get(contactId);
	if (!c || c.locationId !== locationId) throw httpError(400, `Contact ${contactId} not found in this location`);
	return c.id;
}

/** `undefined` = not given; `''`/null = unassign. */
function assigneeOrThrow(state: SandboxState, locationId: string, value: unknown): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null || value === '') return null;
	const user = state.users.get(String(value));
	if (!user || user.deleted || !user.roles.locationIds.includes(locationId)) throw httpError(400, `User ${String(value)} (assignedTo) not found in this location`);
	return user.id;
}

function followersOrThrow(state: SandboxState, locationId: string, value: unknown): string[] {
	const ids = Array.isArray(value) ? value.map(String) : [];
	const companyId = state.locations.get(locationId)?.companyId;
	const unknown = ids.filter((id) => {
		const u = state.users.get(id);
		return !u || u.deleted || u.companyId !== companyId;
	});
	if (unknown.length) throw httpError(400, `Followers not found: ${unknown.join(', ')}`);
	return [...new Set(ids)];
}

function monetaryOrThrow(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	// The spec types upsert's monetaryValue as an object: a slip, the API takes a number.
	if (typeof value !== 'number' || !Number.isFinite(value)) throw httpError(422, ['monetaryValue must be a number conforming to the specified constraints']);
	return value;
}

function findOpportunityField(state: SandboxState, locationId: string, id: unknown, key: unknown) {
	if (typeof id === 'string' && id) {
		const f = state.customFields.get(id);
		if (f && f.locationId === locationId && f.model === 'opportunity') return f;
	}
	if (typeof key === 'string' && key) {
		const wanted = key.startsWith('opportunity.') ? key : `opportunity.${key}`;
		for (const f of state.customFields.values()) if (f.locationId === locationId && f.model === 'opportunity' && f.fieldKey === wanted) return f;
	}
	return undefined;
}

/** `[{id | key, field_value}]` merged by id into `[{id, fieldValue}]`; unknown fields ignored; null/"" removes. */
function mergeFields(state: SandboxState, locationId: string, existing: OpportunityFieldValue[], input: unknown): OpportunityFieldValue[] {
	if (!Array.isArray(input)) return existing;
	const result = existing.map((f) => ({ ...f }));
	for (const item of input) {
		if (!isPlainObject(item)) continue;
		const field = findOpportunityField(state, locationId, item.id, item.key);
		if (!field) continue;
		const raw = 'field_value' in item ? item.field_value : item.value;
		const at = result.findIndex((f) => f.id === field.id);
		if (raw === null || raw === undefined || raw === '') {
			if (at >= 0) result.splice(at, 1);
			continue;
		}
		let value = raw;
		if ((field.dataType === 'NUMERICAL' || field.dataType === 'MONETORY') && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) value = Number(raw);
		if ((field.dataType === 'MULTIPLE_OPTIONS' || field.dataType === 'CHECKBOX') && typeof raw === 'string') value = raw.split(',').map((s) => s.trim()).filter(Boolean);
		if (at >= 0) result[at] = { id: field.id, fieldValue: value };
		else result.push({ id: field.id, fieldValue: value });
	}
	return result;
}

interface Changes {
	name?: unknown;
	pipelineId?: unknown;
	pipelineStageId?: unknown;
	status?: unknown;
	monetaryValue?: unknown;
	assignedTo?: unknown;
	lostReasonId?: unknown;
	customFields?: unknown;
}

/** A new version of `current` (never mutated) with the given changes; validates references. */
function applyChanges(state: SandboxState, current: Opportunity, changes: Changes, now: number): Opportunity {
	const stamp = new Date(Math.max(now, Date.parse(current.createdAt))).toISOString();
	const next: Opportunity = { ...current, customFields: current.customFields.map((f) => ({ ...f })), followers: [...current.followers] };
	if (changes.name !== undefined && changes.name !== null) {
		if (typeof changes.name !== 'string' || !changes.name.trim()) throw httpError(422, ['name should not be empty']);
		next.name = changes.name.trim();
	}
	if ((changes.pipelineId !== undefined && changes.pipelineId !== null) || (changes.pipelineStageId !== undefined && changes.pipelineStageId !== null)) {
		const { pipeline, stage } = placement(state, current.locationId, changes.pipelineId, changes.pipelineStageId, current);
		next.pipelineId = pipeline.id;
		next.pipelineStageId = stage.id;
	}
	const status = statusOrThrow(changes.status);
	if (status) next.status = status;
	const value = monetaryOrThrow(changes.monetaryValue);
	if (value !== undefined) next.monetaryValue = value;
	const assignee = assigneeOrThrow(state, current.locationId, changes.assignedTo);
	if (assignee !== undefined) next.assignedTo = assignee;
	if (typeof changes.lostReasonId === 'string' && changes.lostReasonId) next.lostReasonId = changes.lostReasonId;
	if (changes.customFields !== undefined) next.customFields = mergeFields(state, current.locationId, next.customFields, changes.customFields);
	if (next.status !== current.status) next.lastStatusChangeAt = stamp;
	if (next.pipelineStageId !== current.pipelineStageId || next.pipelineId !== current.pipelineId) next.lastStageChangeAt = stamp;
	next.updatedAt = stamp;
	return next;
}

function createOpportunity(state: SandboxState, locationId: string, b: Record<string, unknown>, contactId: string, now: number): Opportunity {
	if (!state.locations.has(locationId)) throw notFound('Location');
	const stamp = new Date(now).toISOString();
	const { pipeline, stage } = placement(state, locationId, b.pipelineId, b.pipelineStageId);
	const base: Opportunity = {
		id: newId(state),
		locationId,
		name: '',
		monetaryValue: 0,
		pipelineId: pipeline.id,
		pipelineStageId: stage.id,
		status: 'open',
		assignedTo: null,
		contactId,
		source: 'public api',
		lostReasonId: null,
		customFields: [],
		followers: [],
		lastStatusChangeAt: stamp,
		lastStageChangeAt: stamp,
		createdAt: stamp,
		updatedAt: stamp,
	};
	const contact = state.contacts.get(contactId);
	const fallbackName = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.phone || 'Opportunity' : 'Opportunity';
	const o = applyChanges(state, base, { ...b, name: b.name ?? fallbackName, pipelineId: undefined, pipelineStageId: undefined }, now);
	o.lastStatusChangeAt = stamp;
	o.lastStageChangeAt = stamp;
	return o;
}

// ---------------------------------------------------------------------------------------------
// Routes

const pipelines: RouteDef = {
	method: 'GET',
	path: '/opportunities/pipelines', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		return { body: { pipelines: pipelinesOf(ctx.state, locationId).map(pipelineToApi) } };
	},
};

/** mm-dd-yyyy (the spec's format) or anything Date.parse takes; start of that day, UTC. */
function dayStart(value: string, name: string): number {
	const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
	const t = m ? Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : Date.parse(value);
	if (Number.isNaN(t)) throw httpError(422, [`${name} must be a valid date (mm-dd-yyyy)`]);
	return m ? t : Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), new Date(t).getUTCDate());
}

const SEARCH_FILTERS = ['q', 'pipeline_id', 'pipeline_stage_id', 'contact_id', 'status', 'assigned_to', 'campaignId', 'id', 'order', 'date', 'endDate', 'country', 'getTasks', 'getNotes', 'getCalendarEvents'];

/**
 * GET /opportunities/search: newest first (createdAt desc, then id asc; `order=added_asc` flips
 * the dates), every filter applied before paging; the cursor is (startAfter = createdAt ms, startAfterId).
 */
const search: RouteDef = {
	method: 'GET',
	path: '/opportunities/search', why: WHY,
	handle(ctx) {
		const q = (name: string) => queryValue(ctx, name) || undefined;
		const locationId = String(q('location_id'));
		assertLocationAccess(ctx, locationId);
		const limit = intQuery(ctx, 'limit', 20, 1, 100);
		const order = q('order') ?? 'added_desc';
		if (order !== 'added_desc' && order !== 'added_asc') throw httpError(422, ['order must be one of the following values: added_asc, added_desc']);
		const dir = order === 'added_asc' ? 1 : -1;

		const text = q('q')?.toLowerCase().trim();
		const pipelineId = q('pipeline_id');
		const stageId = q('pipeline_stage_id');
		const contactId = q('contact_id');
		const status = q('status');
		const assignedTo = q('assigned_to');
		const campaignId = q('campaignId');
		const id = q('id');
		const country = q('country')?.toUpperCase();
		const from = q('date') ? dayStart(q('date') as string, 'date') : undefined;
		const to = q('endDate') ? dayStart(q('endDate') as string, 'endDate') + 24 * 3600 * 1000 : undefined;
		const state = ctx.state;
		const digits = text ? text.replace(/\D/g, '') : '';
		const matchesText = (o: Opportunity): boolean => {
			if (!text) return true;
			if (o.name.toLowerCase().includes(text)) return true;
			const c = o.contactId ? state.contacts.get(o.contactId) : undefined;
			if (!c) return false;
			const name = [c.firstName, c.lastName].filter(Boolean).join(' ').toLowerCase();
			return name.includes(text) || Boolean(c.email?.toLowerCase().includes(text)) || Boolean(c.companyName?.toLowerCase().includes(text)) || (digits.length >= 3 && Boolean(c.phone?.includes(digits)));
		};
		const rows: Array<{ o: Opportunity; t: number }> = [];
		for (const o of opportunitiesOf(state, locationId)) {
			if (pipelineId && o.pipelineId !== pipelineId) continue;
			if (stageId && o.pipelineStageId !== stageId) continue;
			if (contactId && o.contactId !== contactId) continue;
			if (status && status !== 'all' && o.status !== status) continue;
			if (assignedTo && o.assignedTo !== assignedTo) continue;
			// No campaigns are linked to opportunities in the sandbox.
			if (campaignId) continue;
			if (id && o.id !== id) continue;
			const t = Date.parse(o.createdAt);
			if (from !== undefined && t < from) continue;
			if (to !== undefined && t >= to) continue;
			if (country && (!o.contactId || state.contacts.get(o.contactId)?.country?.toUpperCase() !== country)) continue;
			if (!matchesText(o)) continue;
			rows.push({ o, t });
		}
		const compare = (at: number, aid: string, bt: number, bid: string) => (at !== bt ? (at - bt) * dir : aid < bid ? -1 : aid > bid ? 1 : 0);
		rows.sort((a, b) => compare(a.t, a.o.id, b.t, b.o.id));

		let start: number;
		const startAfterId = q('startAfterId');
		const startAfterRaw = q('startAfter');
		if (startAfterId || startAfterRaw) {
			const ref = startAfterId ? state.opportunities.get(startAfterId) : undefined;
			const at = startAfterRaw !== undefined ? Number(startAfterRaw) : ref ? Date.parse(ref.createdAt) : NaN;
			if (Number.isNaN(at)) throw httpError(422, ['startAfter must be a number conforming to the specified constraints']);
			// With an id the cursor is exact; without one, everything at that millisecond counts as seen.
			const after = startAfterId ? (r: { o: Opportunity; t: number }) => compare(r.t, r.o.id, at, startAfterId) > 0 : (r: { t: number }) => (r.t - at) * dir > 0;
			start = rows.findIndex(after);
			if (start < 0) start = rows.length;
		} else {
			start = (intQuery(ctx, 'page', 1, 1, Number.MAX_SAFE_INTEGER) - 1) * limit;
		}

		const page = rows.slice(start, start + limit);
		const more = start + page.length < rows.length;
		const last = page[page.length - 1];
		const currentPage = Math.floor(start / limit) + 1;
		let nextPageUrl: string | null = null;
		if (more && last) {
			const next = new URLSearchParams({ location_id: locationId });
			for (const name of SEARCH_FILTERS) {
				const v = q(name);
				if (v !== undefined) next.set(name, v);
			}
			next.set('limit', String(limit));
			next.set('startAfter', String(last.t));
			next.set('startAfterId', last.o.id);
			next.set('page', String(currentPage + 1));
			nextPageUrl = `${ctx.baseUrl}/opportunities/search?${next.toString()}`;
		}
		const extras: Record<string, unknown[]> = {};
		if (q('getTasks') === 'true') extras.tasks = [];
		if (q('getNotes') === 'true') extras.notes = [];
		if (q('getCalendarEvents') === 'true') extras.calendarEvents = [];
		return {
			body: {
				opportunities: page.map((r) => ({ ...opportunityToApi(state, r.o), ...extras })),
				meta: {
					total: rows.length,
					nextPageUrl,
					startAfterId: more && last ? last.o.id : null,
					startAfter: more && last ? last.t : null,
					currentPage,
					nextPage: more ? currentPage + 1 : null,
					prevPage: currentPage > 1 ? currentPage - 1 : null,
				},
				aggregations: {},
			},
		};
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/opportunities/{id}', why: WHY,
	handle(ctx) {
		return { body: { opportunity: opportunityToApi(ctx.state, opportunityFor(ctx)) } };
	},
};

const create: RouteDef = {
	method: 'POST',
	path: '/opportunities/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const locationId = String(b.locationId);
		if (b.status !== undefined) statusOrThrow(b.status);
		const contactId = contactOrThrow(ctx.state, locationId, b.contactId);
		const o = createOpportunity(ctx.state, locationId, b, contactId, ctx.now());
		ctx.state.opportunities.set(o.id, o);
		return { body: { opportunity: opportunityToApi(ctx.state, o) } };
	},
};

const update: RouteDef = {
	method: 'PUT',
	path: '/opportunities/{id}', why: WHY,
	handle(ctx) {
		const next = applyChanges(ctx.state, opportunityFor(ctx), body(ctx), ctx.now());
		ctx.state.opportunities.set(next.id, next);
		return { body: { opportunity: opportunityToApi(ctx.state, next) } };
	},
};

const remove: RouteDef = {
	method: 'DELETE',
	path: '/opportunities/{id}', why: WHY,
	handle(ctx) {
		const o = opportunityFor(ctx);
		ctx.state.opportunities.delete(o.id);
		return { body: { succeded: true } };
	},
};

const updateStatus: RouteDef = {
	method: 'PUT',
	path: '/opportunities/{id}/status', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const next = applyChanges(ctx.state, opportunityFor(ctx), { status: b.status, lostReasonId: b.lostReasonId }, ctx.now());
		ctx.state.opportunities.set(next.id, next);
		return { body: { succeded: true } };
	},
};

/** UpsertOpportunityDto's properties, plus contactId (needed to match or create; missing from the spec). */
const UPSERT_KEYS = new Set([...Object.keys(loadContract().schemas['opportunities.json#UpsertOpportunityDto']?.properties ?? {}), 'contactId']);

function applyFollowers(current: string[], ids: string[], action: unknown, removeAll: boolean): string[] {
	let followers = removeAll ? [] : [...current];
	if (action === 'remove') followers = followers.filter((f) => !ids.includes(f));
	else for (const id of ids) if (!followers.includes(id)) followers.push(id);
	return followers;
}

/**
 * Match by `id`, else by pipelineId + contactId (newest match), else create (needs contactId;
 * the name defaults to the contact's name). Followers follow followersActionType.
 */
const upsert: RouteDef = {
	method: 'POST',
	path: '/opportunities/upsert', why: WHY,
	allowUnknownBody: true,
	handle(ctx) {
		const b = body(ctx);
		const unknown = Object.keys(b).filter((k) => !UPSERT_KEYS.has(k));
		if (unknown.length) throw httpError(422, unknown.map((k) => `property ${k} should not exist`));
		const state = ctx.state;
		const locationId = String(b.locationId);
		if (b.status !== undefined) statusOrThrow(b.status);
		monetaryOrThrow(b.monetaryValue);
		const followers = followersOrThrow(state, locationId, b.followers);
		const removeAll = b.isRemoveAllFollowers === true;

		let existing: Opportunity | undefined;
		if (typeof b.id === 'string' && b.id) {
			existing = state.opportunities.get(b.id);
			if (!existing || existing.locationId !== locationId) throw notFound('Opportunity');
		} else if (typeof b.contactId === 'string' && b.contactId) {
			contactOrThrow(state, locationId, b.contactId);
			existing = opportunitiesOf(state, locationId)
				.filter((o) => o.pipelineId === b.pipelineId && o.contactId === b.contactId)
				.sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))[0];
		}
		const changes: Changes = {
			name: b.name,
			pipelineId: b.pipelineId,
			pipelineStageId: b.pipelineStageId,
			status: b.status,
			monetaryValue: b.monetaryValue,
			assignedTo: b.assignedTo,
			lostReasonId: b.lostReasonId,
		};
		let result: Opportunity;
		if (existing) {
			result = applyChanges(state, existing, changes, ctx.now());
		} else {
			if (typeof b.contactId !== 'string' || !b.contactId) throw httpError(400, 'contactId is required to create an opportunity (no id given and nothing to match)');
			const contactId = contactOrThrow(state, locationId, b.contactId);
			result = createOpportunity(state, locationId, changes as Record<string, unknown>, contactId, ctx.now());
		}
		result.followers = applyFollowers(result.followers, followers, b.followersActionType, removeAll);
		state.opportunities.set(result.id, result);
		return { body: { opportunity: opportunityToApi(state, result), new: !existing } };
	},
};

const addFollowers: RouteDef = {
	method: 'POST',
	path: '/opportunities/{id}/followers', why: WHY,
	handle(ctx) {
		const o = opportunityFor(ctx);
		const ids = followersOrThrow(ctx.state, o.locationId, body(ctx).followers);
		const added = ids.filter((id) => !o.followers.includes(id));
		const next: Opportunity = { ...o, followers: [...o.followers, ...added], updatedAt: new Date(Math.max(ctx.now(), Date.parse(o.createdAt))).toISOString() };
		ctx.state.opportunities.set(next.id, next);
		return { body: { followers: [...next.followers], followersAdded: added } };
	},
};

const removeFollowers: RouteDef = {
	method: 'DELETE',
	path: '/opportunities/{id}/followers', why: WHY,
	handle(ctx) {
		const o = opportunityFor(ctx);
		const all = queryValue(ctx, 'isRemoveAllFollowers') === 'true';
		const ids = Array.isArray(body(ctx).followers) ? (body(ctx).followers as unknown[]).map(String) : [];
		const removed = all ? [...o.followers] : o.followers.filter((f) => ids.includes(f));
		const next: Opportunity = { ...o, followers: o.followers.filter((f) => !removed.includes(f)), updatedAt: new Date(Math.max(ctx.now(), Date.parse(o.createdAt))).toISOString() };
		ctx.state.opportunities.set(next.id, next);
		return { body: { followers: [...next.followers], followersRemoved: removed } };
	},
};

export const opportunityRoutes: RouteDef[] = [pipelines, search, get, create, update, remove, updateStatus, upsert, addFollowers, removeFollowers];
