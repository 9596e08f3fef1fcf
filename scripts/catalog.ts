// Prints everything the package declares as a JSON array (`npm run --silent catalog`):
// one entry per operation with the HTTP requests it sends. The README table is generated from it.
import { resources } from '../nodes/GoHighLevel/actions';
import { triggerEvents } from '../nodes/GoHighLevel/trigger/events';

export interface CatalogEntry {
	node: string;
	resource: string;
	operation: string;
	displayName: string;
	kind: 'action' | 'trigger';
	deprecated: boolean;
	requests: Array<{ method: string; path: string }>;
}

export function catalog(): CatalogEntry[] {
	const actions = resources.flatMap((resource) =>
		resource.operations.map((op) => ({
			node: 'GoHighLevel',
			resource: resource.name,
			operation: op.operation,
			displayName: op.action,
			kind: 'action' as const,
			deprecated: Boolean(op.deprecated),
			requests: [{ method: op.method, path: op.path }, ...(op.extraRequests ?? []).map((r) => ({ method: r.method, path: r.path }))],
		})),
	);
	const triggers = triggerEvents.map((event) => ({
		node: 'GoHighLevelTrigger',
		resource: resources.find((r) => r.value === event.decl.resource)!.name,
		operation: event.key,
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
