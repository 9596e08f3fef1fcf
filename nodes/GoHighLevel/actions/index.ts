import {
	appointmentNoteResource,
	appointmentResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResource,
	calendarResourceResource,
} from './calendar';
import { associationResource, relationResource } from './association';
import { automationResource } from './automation';
import { blogResource } from './blog';
import { businessResource } from './business';
import { contactResource } from './contact';
import { contactNoteResource } from './contactNote';
import { contactTaskResource } from './contactTask';
import { conversationResource, messageResource } from './conversation';
import { locationResource } from './location';
import { opportunityResource } from './opportunity';
import { snapshotResource } from './snapshot';
import { userResource } from './user';
import type { ProductArea } from '../areas';
import type { OperationDeclaration, ResourceDeclaration } from './types';

/** Every declared resource of every product area, each a list of declared operations. */
export const resources: ResourceDeclaration[] = [
	appointmentResource,
	appointmentNoteResource,
	associationResource,
	blogResource,
	businessResource,
	calendarResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResourceResource,
	contactResource,
	contactNoteResource,
	contactTaskResource,
	conversationResource,
	locationResource,
	messageResource,
	opportunityResource,
	relationResource,
	snapshotResource,
	userResource,
	automationResource,
];

const byKey = new Map<string, OperationDeclaration>(
	resources.flatMap((r) => r.operations.map((o) => [`${o.resource}:${o.operation}`, o] as const)),
);
// Keys operations had before they moved to another node (saved workflows still use them).
for (const decl of byKey.values()) if (decl.formerly) byKey.set(decl.formerly, decl);

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
