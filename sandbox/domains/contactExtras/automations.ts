// The campaign and workflow lists of a location (pickers). Enrolment lives in contactExtras.ts.
import type { Campaign, Workflow } from './state';
import type { RouteDef } from '../../route';
import { queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'campaigns and workflows are a fixed catalog that enrolments and the engine tests name';

function campaignToApi(c: Campaign): Record<string, unknown> {
	return { id: c.id, name: c.name, status: c.status, locationId: c.locationId };
}

function workflowToApi(w: Workflow): Record<string, unknown> {
	return { id: w.id, name: w.name, status: w.status, version: w.version, createdAt: w.createdAt, updatedAt: w.updatedAt, locationId: w.locationId };
}

const campaigns: RouteDef = {
	method: 'GET',
	path: '/campaigns/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const status = queryValue(ctx, 'status');
		const list = [...ctx.state.campaigns.values()].filter((c) => c.locationId === locationId && (!status || c.status === status));
		return { body: { campaigns: list.map(campaignToApi) } };
	},
};

const workflows: RouteDef = {
	method: 'GET',
	path: '/workflows/', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const list = [...ctx.state.workflows.values()].filter((w) => w.locationId === locationId);
		return { body: { workflows: list.map(workflowToApi) } };
	},
};

export const automationRoutes: RouteDef[] = [campaigns, workflows];
