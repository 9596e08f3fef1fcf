// Prints everything the package declares as a JSON array (`npm run --silent catalog`):
// one entry per operation with the node that offers it and the HTTP requests it sends. The README table is generated from it.
import { resources, resourcesOf } from '../nodes/GoHighLevel/actions';
import { AREA_NAMES, AREAS } from '../nodes/GoHighLevel/areas';
import { triggerEvents } from '../nodes/GoHighLevel/trigger/events';

export interface CatalogEntry {
	/** The node's display name. */
	node: string;
	/** n8n node type name inside the package (`goHighLevelMarketing`). */
	nodeType: string;
	resource: string;
	operation: string;
	/** `resource:operation` of an action, the event of a trigger: what the node runs. */
	key: string;
	displayName: string;
	kind: 'action' | 'trigger';
	deprecated: boolean;
	requests: Array<{ method: string; path: string }>;
}

export function catalog(): CatalogEntry[] {
	// Node by node, in the order of the area registry.
	const actions = AREA_NAMES.flatMap(resourcesOf).flatMap((resource) =>
		resource.operations.map((op) => ({
			node: AREAS[resource.area].displayName,
			nodeType: AREAS[resource.area].node,
			resource: resource.name,
			operation: op.operation,
			key: `${resource.value}:${op.operation}`,
			displayName: op.action,
			kind: 'action' as const,
			deprecated: Boolean(op.deprecated),
			requests: [{ method: op.method, path: op.path }, ...(op.extraRequests ?? []).map((r) => ({ method: r.method, path: r.path }))],
		})),
	);
	const triggers = triggerEvents.map((event) => ({
		node: 'GoHighLevel Trigger',
		nodeType: 'goHighLevelTrigger',
		resource: resources.find((r) => r.value === event.decl.resource)!.name,
		operation: event.key,
		key: event.key,
		displayName: event.name,
		kind: 'trigger' as const,
		deprecated: Boolean(event.decl.deprecated),
		requests: [{ method: event.decl.method, path: event.decl.path }],
	}));
	return [...actions, ...triggers];
}

if (require.main === module) {
	process.stdout.write(JSON.stringify(catalog(), null, 2) + '\n');
}
