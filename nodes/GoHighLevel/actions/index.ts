import type { ProductArea } from '../areas';
import type { OperationDeclaration, ResourceDeclaration, ResourceInfo } from '../engine/declarations';
import { declarationModules } from './registry';

// Resources and operations are whatever the files under actions/ export (registry.ts, generated,
// imports them all): a new declaration is one file, or one export in a resource's file.

function isOperation(value: unknown): value is OperationDeclaration {
	const v = value as Partial<OperationDeclaration> | null;
	return typeof v === 'object' && v !== null && typeof v.resource === 'string' && typeof v.operation === 'string' && typeof v.method === 'string' && typeof v.path === 'string';
}

function isResource(value: unknown): value is ResourceInfo {
	const v = value as Partial<ResourceInfo> & { method?: unknown };
	return typeof v === 'object' && v !== null && typeof v.area === 'string' && typeof v.value === 'string' && typeof v.name === 'string' && v.method === undefined;
}

const exported = declarationModules.flatMap((module) => Object.values(module)).flatMap((value) => (Array.isArray(value) ? value : [value]));
const operations = [...new Set(exported.filter(isOperation))];

/** Every declared resource of every product area with its operations, by name. */
export const resources: ResourceDeclaration[] = exported
	.filter(isResource)
	.map((info) => ({ ...info, operations: operations.filter((o) => o.resource === info.value) }))
	.sort((a, b) => a.name.localeCompare(b.name));

for (const decl of operations) {
	if (!resources.some((r) => r.value === decl.resource)) throw new Error(`${decl.resource}:${decl.operation} names no declared resource`);
}

const byKey = new Map<string, OperationDeclaration>(operations.map((o) => [`${o.resource}:${o.operation}`, o] as const));
// Keys operations had before they moved to another node (saved workflows still use them).
for (const decl of operations) if (decl.formerly) byKey.set(decl.formerly, decl);

const areaByResource = new Map(resources.map((r) => [r.value, r.area] as const));

/** The declared operation for a resource and operation, also under the key it had before it moved. */
export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return byKey.get(`${resource}:${operation}`);
}

export function resourcesOf(area: ProductArea): ResourceDeclaration[] {
	return resources.filter((r) => r.area === area);
}

export function areaOf(decl: OperationDeclaration): ProductArea | undefined {
	return areaByResource.get(decl.resource);
}
