// Builds n8n workflow JSON the way the editor saves it: a Manual Trigger, then GoHighLevel nodes
// (each resource in the node that offers it) in a chain, each reading earlier nodes' output through expressions.
import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../nodes/GoHighLevel/actions';
import { AREAS } from '../../nodes/GoHighLevel/areas';
import { PACKAGE_NAME } from '../../scripts/n8n/package';

export const PIT_CREDENTIAL = { id: 'ghlE2ePit000001', name: 'HighLevel sandbox (location token)' };
export const AGENCY_CREDENTIAL = { id: 'ghlE2eAgency001', name: 'HighLevel sandbox (agency token)' };
export const OAUTH_CREDENTIAL = { id: 'ghlE2eOAuth0001', name: 'HighLevel sandbox (OAuth2)' };

export interface Step {
	name: string;
	resource: string;
	operation: string;
	parameters?: IDataObject;
	/** Which credential the node uses (default: the location Private Integration Token). */
	credential?: 'pit' | 'agency' | 'oauth';
}

/** A resource-locator value by id; `value` may be an expression. */
export function byId(value: string): IDataObject {
	return { __rl: true, mode: 'id', value };
}

/** The node that offers a resource (GoHighLevel, GoHighLevel Marketing, …), as the editor would pick it. */
export function nodeTypeOf(resource: string): string {
	const area = resources.find((r) => r.value === resource)?.area ?? 'crm';
	return `${PACKAGE_NAME}.${AREAS[area].node}`;
}

function credentialOf(step: Step): { authentication: string; credentials: IDataObject } {
	if (step.credential === 'oauth') return { authentication: 'oAuth2', credentials: { goHighLevelOAuth2Api: OAUTH_CREDENTIAL } };
	const ref = step.credential === 'agency' ? AGENCY_CREDENTIAL : PIT_CREDENTIAL;
	return { authentication: 'privateIntegrationToken', credentials: { goHighLevelPrivateIntegrationApi: ref } };
}

export function chainWorkflow(id: string, name: string, steps: Step[]): IDataObject {
	const nodes: IDataObject[] = [{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections: IDataObject = {};
	let previous = 'Start';
	steps.forEach((step, index) => {
		const { authentication, credentials } = credentialOf(step);
		nodes.push({
			id: `${id}-${index}`,
			name: step.name,
			type: nodeTypeOf(step.resource),
			typeVersion: 1,
			position: [(index + 1) * 220, 0],
			// Lists return several items; every step runs once whatever its input.
			executeOnce: true,
			parameters: { authentication, resource: step.resource, operation: step.operation, ...step.parameters },
			credentials,
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}
