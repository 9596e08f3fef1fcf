// Opportunities data of the sandbox: pipelines with their stages, opportunities, and the
// deterministic seed (2 pipelines x 4 stages and 1,200 opportunities in DEMO.locationId).
// state.ts holds the Maps (`state.pipelines`, `state.opportunities`) and calls the seed.
import { DEMO } from '../../demo';
import type { CoreState, VersionedMap } from '../accounts/state';
import type { Rng } from '../../util';
import { createRng, makeId, pick } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { pipelines: Map<string, Pipeline>; opportunities: VersionedMap<string, Opportunity> };

export interface PipelineStage {
	id: string;
	name: string;
	position: number;
}

export interface Pipeline {
	id: string;
	locationId: string;
	name: string;
	stages: PipelineStage[];
	showInFunnel: boolean;
	showInPieChart: boolean;
}

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';
export const OPPORTUNITY_STATUSES: OpportunityStatus[] = ['open', 'won', 'lost', 'abandoned'];

/** Stored like the API answers it (CustomFieldResponseSchema): `{id, fieldValue}`. */
export interface OpportunityFieldValue {
	id: string;
	fieldValue: unknown;
}

export interface Opportunity {
	id: string;
	locationId: string;
	name: string;
	monetaryValue: number;
	pipelineId: string;
	pipelineStageId: string;
	status: OpportunityStatus;
	/** Null = unassigned. */
	assignedTo: string | null;
	contactId: string | null;
	source: string;
	lostReasonId: string | null;
	customFields: OpportunityFieldValue[];
	/** User ids. */
	followers: string[];
	lastStatusChangeAt: string;
	lastStageChangeAt: string;
	createdAt: string;
	updatedAt: string;
}

/** How many opportunities the seed puts in DEMO.locationId. */
export const SEED_OPPORTUNITIES = 1200;

const PIPELINES: Array<{ name: string; stages: string[] }> = [
	{ name: 'New Patient Pipeline', stages: ['New Lead', 'Contacted', 'Consultation Booked', 'Treatment Accepted'] },
	{ name: 'Treatment Plans', stages: ['Plan Presented', 'Follow-up', 'Financing', 'Scheduled'] },
];
const TREATMENTS = ['Whitening', 'Implants', 'Invisalign', 'Crown', 'Veneers', 'Check-up Plan', 'Root Canal', 'Hygiene Plan'];
const SOURCES = ['website form', 'facebook ad', 'google ads', 'referral', 'walk-in'];
const DEAL_SOURCES = ['Referral', 'Website', 'Walk-in', 'Campaign'];
const EPOCH = Date.UTC(2023, 0, 1);
const SPAN_MS = 910 * 24 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;
const floor = Math.floor;

/** Stage ids are UUIDs in HighLevel (e.g. 7915dedc-8f18-44d5-8bc3-77c04e994a10). */
export function stageUuid(rng: Rng): string {
	let hex = '';
	while (hex.length < 32) hex += floor(rng() * 0x10000).toString(16).padStart(4, '0');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[floor(rng() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function statusFor(rng: Rng): OpportunityStatus {
	const r = rng();
	return r < 0.55 ? 'open' : r < 0.75 ? 'won' : r < 0.9 ? 'lost' : 'abandoned';
}

/**
 * (Re)creates the pipelines and opportunities of DEMO.locationId from a fixed seed. Run after the
 * contacts and custom fields exist: opportunities point at contacts, users and custom fields.
 */
export function seedOpportunities(state: State, count = SEED_OPPORTUNITIES): void {
	const rng = createRng(0x5eed2021 ^ 0x0b9e);
	const locationId = DEMO.locationId;
	for (const [id, p] of state.pipelines) if (p.locationId === locationId) state.pipelines.delete(id);
	for (const [id, o] of state.opportunities) if (o.locationId === locationId) state.opportunities.delete(id);

	const pipelines: Pipeline[] = PIPELINES.map((seed, i) => ({
		id: makeId(rng),
		locationId,
		name: seed.name,
		stages: seed.stages.map((name, position) => ({ id: stageUuid(rng), name, position })),
		showInFunnel: true,
		showInPieChart: i === 0,
	}));
	for (const p of pipelines) state.pipelines.set(p.id, p);

	const contacts: Array<{ id: string; firstName?: string | null; lastName?: string | null }> = [];
	for (const c of state.contacts.values()) if (c.locationId === locationId) contacts.push(c);
	const users = [...state.users.values()].filter((u) => !u.deleted && u.roles.locationIds.includes(locationId)).map((u) => u.id);
	const fieldId = (key: string) => [...state.customFields.values()].find((f) => f.locationId === locationId && f.model === 'opportunity' && f.fieldKey === key)?.id;
	const dealSource = fieldId('opportunity.deal_source');
	const expectedClose = fieldId('opportunity.expected_close');

	let previousCreated = EPOCH;
	for (let i = 0; i < count; i++) {
		const pipeline = pipelines[i % 3 === 2 ? 1 : 0];
		const stage = pick(rng, pipeline.stages);
		const status = statusFor(rng);
		const contact = contacts.length ? pick(rng, contacts) : undefined;
		const contactName = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '';
		const treatment = pick(rng, TREATMENTS);
		// Every 100th shares the creation time of the one before: the cursor must break ties by id.
		const created = i % 100 === 99 ? previousCreated : EPOCH + floor(rng() * SPAN_MS / 1000) * 1000;
		previousCreated = created;
		const updated = created + floor(rng() * 90 * DAY);
		const customFields: OpportunityFieldValue[] = [];
		if (dealSource && rng() < 0.4) customFields.push({ id: dealSource, fieldValue: pick(rng, DEAL_SOURCES) });
		if (expectedClose && rng() < 0.25) customFields.push({ id: expectedClose, fieldValue: new Date(created + 30 * DAY).toISOString().slice(0, 10) });
		const followers = users.length && rng() < 0.2 ? [pick(rng, users)] : [];
		const opportunity: Opportunity = {
			id: makeId(rng),
			locationId,
			name: contactName ? `${contactName} - ${treatment}` : `${treatment} deal ${i + 1}`,
			monetaryValue: floor(rng() * 200) * 50,
			pipelineId: pipeline.id,
			pipelineStageId: stage.id,
			status,
			assignedTo: users.length && rng() < 0.8 ? pick(rng, users) : null,
			contactId: contact ? contact.id : null,
			source: pick(rng, SOURCES),
			lostReasonId: null,
			customFields,
			followers,
			lastStatusChangeAt: new Date(updated).toISOString(),
			lastStageChangeAt: new Date(created + floor((updated - created) / 2)).toISOString(),
			createdAt: new Date(created).toISOString(),
			updatedAt: new Date(updated).toISOString(),
		};
		state.opportunities.set(opportunity.id, opportunity);
	}
}

// ---------------------------------------------------------------------------------------------
// Accessors

export function pipelinesOf(state: State, locationId: string): Pipeline[] {
	return [...state.pipelines.values()].filter((p) => p.locationId === locationId);
}

export function opportunitiesOf(state: State, locationId: string): Opportunity[] {
	const out: Opportunity[] = [];
	for (const o of state.opportunities.values()) if (o.locationId === locationId) out.push(o);
	return out;
}
