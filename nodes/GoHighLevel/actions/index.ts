import {
	appointmentNoteResource,
	appointmentResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResource,
	calendarResourceResource,
} from './calendar';
import { contactResource } from './contact';
import { contactNoteResource } from './contactNote';
import { contactTaskResource } from './contactTask';
import type { OperationDeclaration, ResourceDeclaration } from './types';

/** Every resource the GoHighLevel node offers, each a list of declared operations. */
export const resources: ResourceDeclaration[] = [
	appointmentResource,
	appointmentNoteResource,
	calendarResource,
	calendarEventResource,
	calendarGroupResource,
	calendarNotificationResource,
	calendarResourceResource,
	contactResource,
	contactNoteResource,
	contactTaskResource,
];

const byKey = new Map<string, OperationDeclaration>(
	resources.flatMap((r) => r.operations.map((o) => [`${o.resource}:${o.operation}`, o] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return byKey.get(`${resource}:${operation}`);
}
