import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { areaOf, findOperation, resources, resourcesOf } from './actions';
import type { ProductArea } from './areas';
import { AREAS, areaCodex, areaOfNode } from './areas';
import { AUTHENTICATION_PROPERTY, HIGHLEVEL_CREDENTIALS } from './authentication';
import { buildProperties } from './engine/description';
import { executeDeclared } from './engine/executor';
import { listSearch, loadOptions } from './methods';
import { requestOptionsProperty } from './transport/options';

/** The editor description of one product area's action node, derived from its resources' declarations. */
export function describeAreaNode(area: ProductArea): INodeTypeDescription {
	const { node, displayName, description } = AREAS[area];
	const resources = resourcesOf(area);
	const defaultResource: string | undefined = (AREAS[area] as { defaultResource?: string }).defaultResource;
	return {
		displayName,
		name: node,
		icon: { light: 'file:../../icons/gohighlevel.svg', dark: 'file:../../icons/gohighlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description,
		defaults: { name: displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		codex: areaCodex(area),
		credentials: HIGHLEVEL_CREDENTIALS,
		// Request Options last, after the operation's own parameters.
		properties: [AUTHENTICATION_PROPERTY, ...buildProperties(resources, defaultResource), requestOptionsProperty],
	};
}

/**
 * n8n reads only parameters the node's own description declares, so an operation that moved to
 * another area's node (blogs → Marketing, snapshots → Agency) cannot run in the node a workflow
 * saved it with: it fails before any request, naming the node to use instead.
 */
function movedElsewhere(ctx: IExecuteFunctions, ownArea: ProductArea): NodeOperationError | undefined {
	const resource = String(ctx.getNodeParameter('resource', 0));
	if (resourcesOf(ownArea).some((r) => r.value === resource)) {
		const operation = String(ctx.getNodeParameter('operation', 0, ''));
		const decl = findOperation(resource, operation);
		const area = decl && areaOf(decl);
		if (!decl || !area || area === ownArea) return undefined;
		return moved(ctx, area, `"${resource}: ${operation}"`, `Resource "${resourceName(decl.resource)}" and Operation "${decl.name}"`);
	}
	const home = resources.find((r) => r.value === resource);
	if (!home || home.area === ownArea) return undefined;
	return moved(ctx, home.area, `Resource "${home.name}"`, `Resource "${home.name}" and the same Operation`);
}

function resourceName(value: string): string {
	return resources.find((r) => r.value === value)?.name ?? value;
}

function moved(ctx: IExecuteFunctions, area: ProductArea, what: string, choose: string): NodeOperationError {
	const home = AREAS[area].displayName;
	return new NodeOperationError(ctx.getNode(), `${what} moved to the ${home} node`, {
		description: `Replace this node with a ${home} node: ${choose}, and the same parameters. Nothing was sent to HighLevel.`,
	});
}

async function executeAreaNode(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const ownArea = areaOfNode(this.getNode().type.split('.').pop() ?? '');
	const movedError = ownArea && movedElsewhere(this, ownArea);
	if (movedError) throw movedError;
	return await executeDeclared(this, findOperation);
}

/** Base of every product area's action node: the node file only names its area. */
export abstract class HighLevelAreaNode implements INodeType {
	description: INodeTypeDescription;

	methods = { loadOptions, listSearch };

	execute = executeAreaNode;

	protected constructor(area: ProductArea) {
		this.description = describeAreaNode(area);
	}
}
