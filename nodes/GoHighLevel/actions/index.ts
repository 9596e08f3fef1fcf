import { contactResource } from './contact';
import type { OperationDeclaration, ResourceDeclaration } from './types';

/** Every resource the GoHighLevel node offers, each a list of declared operations. */
export const resources: ResourceDeclaration[] = [contactResource];

const byKey = new Map<string, OperationDeclaration>(
	resources.flatMap((r) => r.operations.map((o) => [`${o.resource}:${o.operation}`, o] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return byKey.get(`${resource}:${operation}`);
}
