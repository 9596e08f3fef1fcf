import {
	appointmentNoteResource,
	appointmentResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResource,
	calendarResourceResource,
} from './calendar';
import { automationResource } from './automation';
import { businessResource } from './business';
import { contactResource } from './contact';
import { contactNoteResource } from './contactNote';
import { contactTaskResource } from './contactTask';
import { opportunityResource } from './opportunity';
import { userResource } from './user';
import type { OperationDeclaration, ResourceDeclaration } from './types';

/** Every resource the GoHighLevel node offers, each a list of declared operations. */
export const resources: ResourceDeclaration[] = [
	appointmentResource,
	appointmentNoteResource,
	businessResource,
	calendarResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResourceResource,
	contactResource,
	contactNoteResource,
	contactTaskResource,
	opportunityResource,
	userResource,
	automationResource,
];

const byKey = new Map<string, OperationDeclaration>(
	resources.flatMap((r) => r.operations.map((o) => [`${o.resource}:${o.operation}`, o] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return byKey.get(`${resource}:${operation}`);
}
