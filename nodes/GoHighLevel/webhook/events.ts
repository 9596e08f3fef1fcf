// HighLevel marketplace-app webhook events, as documented in HighLevel's developer docs (one page per
// event under "Webhook Events"). `value` is the payload's `type` field, which is not always the page
// name: the app install page sends `INSTALL`, the unread-conversation page `ConversationUnreadUpdate`.
import type { INodePropertyOptions } from 'n8n-workflow';

/** Filter value matching deliveries whose payload has no `type` field. */
export const UNTYPED_EVENT = '__untyped__';

interface WebhookEvent {
	value: string;
	name: string;
	/** Scope the app needs for the event, where HighLevel's scope list names one. */
	scope?: string;
}

const EVENTS: WebhookEvent[] = [
	{ value: 'INSTALL', name: 'App Installed' },
	{ value: 'UNINSTALL', name: 'App Uninstalled' },
	{ value: 'PLAN_CHANGE', name: 'App Plan Changed' },
	{ value: 'AppointmentCreate', name: 'Appointment Created' },
	{ value: 'AppointmentUpdate', name: 'Appointment Updated' },
	{ value: 'AppointmentDelete', name: 'Appointment Deleted' },
	{ value: 'AssociationCreate', name: 'Association Created' },
	{ value: 'AssociationUpdate', name: 'Association Updated' },
	{ value: 'AssociationDelete', name: 'Association Deleted' },
	{ value: 'CampaignStatusUpdate', name: 'Campaign Status Updated', scope: 'campaigns.readonly' },
	{ value: 'ContactCreate', name: 'Contact Created', scope: 'contacts.readonly' },
	{ value: 'ContactUpdate', name: 'Contact Updated', scope: 'contacts.readonly' },
	{ value: 'ContactDelete', name: 'Contact Deleted', scope: 'contacts.readonly' },
	{ value: 'ContactDndUpdate', name: 'Contact DND Updated', scope: 'contacts.readonly' },
	{ value: 'ContactTagUpdate', name: 'Contact Tags Updated', scope: 'contacts.readonly' },
	{ value: 'ConversationUnreadUpdate', name: 'Conversation Unread Count Updated', scope: 'conversations.readonly' },
	{ value: 'InboundMessage', name: 'Inbound Message', scope: 'conversations/message.readonly' },
	{ value: 'OutboundMessage', name: 'Outbound Message', scope: 'conversations/message.readonly' },
	{ value: 'ProviderOutboundMessage', name: 'Provider Outbound Message', scope: 'conversations/message.write' },
	{ value: 'InvoiceCreate', name: 'Invoice Created' },
	{ value: 'InvoiceUpdate', name: 'Invoice Updated' },
	{ value: 'InvoiceDelete', name: 'Invoice Deleted' },
	{ value: 'InvoiceSent', name: 'Invoice Sent' },
	{ value: 'InvoicePaid', name: 'Invoice Paid' },
	{ value: 'InvoicePartiallyPaid', name: 'Invoice Partially Paid' },
	{ value: 'InvoiceVoid', name: 'Invoice Voided' },
	{ value: 'LCEmailStats', name: 'Email Stats (LC Email)' },
	{ value: 'LocationCreate', name: 'Location Created', scope: 'locations.readonly' },
	{ value: 'LocationUpdate', name: 'Location Updated', scope: 'locations.readonly' },
	{ value: 'NoteCreate', name: 'Note Created', scope: 'contacts.readonly' },
	{ value: 'NoteUpdate', name: 'Note Updated', scope: 'contacts.readonly' },
	{ value: 'NoteDelete', name: 'Note Deleted', scope: 'contacts.readonly' },
	{ value: 'ObjectSchemaCreate', name: 'Custom Object Schema Created' },
	{ value: 'ObjectSchemaUpdate', name: 'Custom Object Schema Updated' },
	{ value: 'OpportunityCreate', name: 'Opportunity Created', scope: 'opportunities.readonly' },
	{ value: 'OpportunityUpdate', name: 'Opportunity Updated', scope: 'opportunities.readonly' },
	{ value: 'OpportunityDelete', name: 'Opportunity Deleted', scope: 'opportunities.readonly' },
	{ value: 'OpportunityStageUpdate', name: 'Opportunity Stage Updated', scope: 'opportunities.readonly' },
	{ value: 'OpportunityStatusUpdate', name: 'Opportunity Status Updated', scope: 'opportunities.readonly' },
	{ value: 'OpportunityMonetaryValueUpdate', name: 'Opportunity Value Updated', scope: 'opportunities.readonly' },
	{ value: 'OpportunityAssignedToUpdate', name: 'Opportunity Reassigned', scope: 'opportunities.readonly' },
	{ value: 'OrderCreate', name: 'Order Created' },
	{ value: 'OrderStatusUpdate', name: 'Order Status Updated' },
	{ value: 'PriceCreate', name: 'Price Created' },
	{ value: 'PriceUpdate', name: 'Price Updated' },
	{ value: 'PriceDelete', name: 'Price Deleted' },
	{ value: 'ProductCreate', name: 'Product Created' },
	{ value: 'ProductUpdate', name: 'Product Updated' },
	{ value: 'ProductDelete', name: 'Product Deleted' },
	{ value: 'RecordCreate', name: 'Custom Object Record Created' },
	{ value: 'RecordUpdate', name: 'Custom Object Record Updated' },
	{ value: 'RecordDelete', name: 'Custom Object Record Deleted' },
	{ value: 'RelationCreate', name: 'Relation Created' },
	{ value: 'RelationDelete', name: 'Relation Deleted' },
	{ value: 'TaskCreate', name: 'Task Created', scope: 'contacts.readonly' },
	{ value: 'TaskComplete', name: 'Task Completed' },
	{ value: 'TaskDelete', name: 'Task Deleted', scope: 'contacts.readonly' },
	{ value: 'UserCreate', name: 'User Created' },
];

/** The options of the Events filter, sorted by name, plus the catch-all for untyped payloads. */
export function eventOptions(): INodePropertyOptions[] {
	return [
		...EVENTS.map((e) => ({
			name: e.name,
			value: e.value,
			description: `Payload type "${e.value}"${e.scope ? `; the app needs the ${e.scope} scope` : ''}`,
		})),
		{
			name: 'Any Event Without a Type Field',
			value: UNTYPED_EVENT,
			description:
				'Deliveries whose payload has no "type" field (HighLevel\'s examples for invoices, products, associations, custom-object records and relations show none)',
		},
	].sort((a, b) => a.name.localeCompare(b.name));
}
