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
import { userResource } from './user';
import type { OperationDeclaration, ResourceDeclaration } from './types';

/** Every resource the GoHighLevel node offers, each a list of declared operations. */
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
	userResource,
	automationResource,
];

const byKey = new Map<string, OperationDeclaration>(
	resources.flatMap((r) => r.operations.map((o) => [`${o.resource}:${o.operation}`, o] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return byKey.get(`${resource}:${operation}`);
}
