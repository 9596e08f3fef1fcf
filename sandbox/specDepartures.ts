// Where the sandbox departs from the official specs on purpose: each entry is a spec defect (the
// real API answers or demands otherwise) with its reason, and nothing else is exempt. The generic
// engine answers with these applied, and the whole-contract test (test/sandbox/conformance.test.ts)
// validates every answer against the specs with exactly these applied.
import { CALENDAR_DEMO } from './domains/calendars/state';
import type { Schema } from './contract';
import { DEMO } from './demo';

export interface SpecDeparture {
	/** A contract schema (`file#Name`) whose listed properties are documented wrongly… */
	schema?: string;
	properties?: Record<string, Schema>;
	/** …or an operation (`METHOD /path`) whose answer is documented wrongly… */
	operation?: string;
	response?: Schema;
	/** …or that needs more than its documented required fields to be a valid request (`'{contactId}'`: a demo record's id). */
	request?: { query?: Record<string, string>; body?: Record<string, unknown> };
	reason: string;
}

const text: Schema = { type: 'string' };
const idList = (key: string): Schema => ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: text } } }, total: { type: 'number' } } });
const tomorrow = (hours: number) => String(Date.UTC(2030, 0, 7, hours));

export const SPEC_DEPARTURES: SpecDeparture[] = [
	{ reason: 'oneOf is read as anyOf everywhere: the specs list overlapping, undiscriminated alternatives (e.g. TextField / LargeTextField), so one real value matches several.' },
	{
		schema: 'calendars.json#CalendarEventDTO',
		properties: { startTime: text, endTime: text, dateAdded: text, dateUpdated: text },
		reason: 'Appointment times and dates are typed `object`; HighLevel answers ISO 8601 strings (the spec\'s own examples).',
	},
	{
		schema: 'calendars.json#BlockedSlotSuccessfulResponseDto',
		properties: { startTime: text, endTime: text },
		reason: 'Blocked-slot times are typed `object`; HighLevel answers ISO 8601 strings (the spec\'s own example).',
	},
	{
		schema: 'opportunities.json#PipelinesResponseSchema',
		properties: { stages: { type: 'array', items: { type: 'object', properties: { id: text, name: text, position: { type: 'number' } } } } },
		reason: 'Pipeline `stages` is typed an array of arrays; HighLevel answers an array of stage objects {id, name, position}.',
	},
	{
		schema: 'opportunities.json#SearchOpportunitiesResponseSchema',
		properties: { followers: { type: 'array', items: text } },
		reason: 'Opportunity `followers` is typed an array of arrays; HighLevel answers an array of user ids.',
	},
	{
		schema: 'contacts.json#CustomFieldSchema',
		properties: { value: { anyOf: [text, { type: 'array', items: text }] } },
		reason: 'Multi-option (checkbox, multiple options) custom field values are answered as arrays of strings; every other value is a string as documented.',
	},
	{
		schema: 'store.json#ShippingZoneCountryDto',
		properties: { code: text },
		reason: 'Country `code` is typed number with one enum value that is the whole list of codes; it is an ISO country code string.',
	},
	{
		schema: 'store.json#StoreShippingOriginDto',
		properties: { country: text },
		reason: 'Shipping origin `country` is typed number with one enum value that is the whole list of codes; it is an ISO country code string.',
	},
	{
		schema: 'associations.json#GetPostSuccessfulResponseDto',
		properties: { firstObjectLabel: text, firstObjectKey: text, secondObjectLabel: text, secondObjectKey: text, associationType: text },
		reason: 'Association labels, object keys and type are typed `object`; they are strings (the spec\'s own examples).',
	},
	{
		schema: 'opportunities.json#SearchMetaResponseSchema',
		properties: Object.fromEntries(['nextPageUrl', 'startAfterId'].map((k) => [k, { ...text, nullable: true }]).concat(['startAfter', 'nextPage', 'prevPage'].map((k) => [k, { type: 'number', nullable: true }]))),
		reason: 'The cursor fields are typed non-null; HighLevel answers null for them on the first or last page.',
	},
	{
		operation: 'GET /calendars/{calendarId}/free-slots',
		response: { type: 'object', properties: { traceId: text }, additionalProperties: { $ref: 'calendars.json#SlotsSchema' } },
		reason: 'Documented as dates only; HighLevel adds `traceId` next to the dates.',
	},
	{
		operation: 'GET /conversations/locations/{locationId}/messages/{messageId}/transcription',
		response: { type: 'array', items: { type: 'object', properties: { sentenceIndex: { type: 'number' }, transcript: text } } },
		reason: 'Documented as one sentence; the transcription is the array of its sentences.',
	},
	{ operation: 'GET /associations/', response: idList('associations'), reason: 'Documented as one association; the list answers {associations, total}.' },
	{ operation: 'GET /associations/objectKey/{objectKey}', response: idList('associations'), reason: 'Documented as one association; the list answers {associations}.' },
	{ operation: 'GET /associations/relations/{recordId}', response: idList('relations'), reason: 'Documented as an association; the list answers {relations, total}.' },
	{
		operation: 'POST /associations/relations',
		response: { type: 'object', required: ['id'], properties: { id: text } },
		reason: 'Documented as an association; the created relation is answered.',
	},
	{
		schema: 'contacts.json#UpdateTagsResponseDTO',
		properties: { responses: { type: 'array', items: { type: 'object', required: ['contactId', 'type'], properties: { contactId: text, message: text, type: text } } } },
		reason: 'Per-contact results are typed strings; HighLevel answers one object per contact {contactId, message, type}.',
	},
	{
		operation: 'DELETE /associations/relations/{relationId}',
		response: { type: 'object', required: ['id'], properties: { id: text } },
		reason: 'Documented as an association; the removed relation is answered.',
	},
	{
		operation: 'GET /conversations/{conversationId}/messages',
		response: { type: 'object', required: ['messages'], properties: { messages: { $ref: 'conversations.json#GetMessagesByConversationResponseDto' } } },
		reason: 'Documented as {lastMessageId, nextPage, messages}; HighLevel wraps that page in `messages`.',
	},
	{
		schema: 'associations.json#createAssociationReqDto',
		properties: { firstObjectLabel: text, firstObjectKey: text, secondObjectLabel: text, secondObjectKey: text },
		reason: 'Labels and object keys are typed `object` in requests too; HighLevel takes strings (the spec\'s own examples).',
	},
	{
		schema: 'associations.json#UpdateAssociationReqDto',
		properties: { firstObjectLabel: text, secondObjectLabel: text },
		reason: 'Labels are typed `object` in requests too; HighLevel takes strings (the spec\'s own examples).',
	},
	{
		operation: 'POST /associations/',
		request: { body: { key: 'sandbox_conformance', firstObjectKey: 'contact', secondObjectKey: 'opportunity' } },
		reason: 'Object keys must name objects (`contact`, `opportunity`, `business`, `custom_objects.<x>`), which the spec says in prose only.',
	},
	{
		operation: 'POST /opportunities/upsert',
		request: { body: { contactId: '{contactId}' } },
		reason: 'Creating needs `contactId`, which the upsert schema does not declare; HighLevel takes it.',
	},
	{
		operation: 'GET /contacts/search/duplicate',
		request: { query: { email: 'nobody@example.com' } },
		reason: 'One of `number` or `email` is required (the spec marks neither).',
	},
	{
		operation: 'POST /contacts/search',
		request: { body: { locationId: DEMO.locationId } },
		reason: 'The body schema marks nothing required; HighLevel refuses a search without `locationId`.',
	},
	{
		operation: 'GET /calendars/events',
		request: { query: { calendarId: CALENDAR_DEMO.calendarIds[0], startTime: tomorrow(0), endTime: tomorrow(23) } },
		reason: 'One of calendarId, userId or groupId is required (the spec says so in prose only); times are epoch ms.',
	},
	{
		operation: 'GET /calendars/blocked-slots',
		request: { query: { calendarId: CALENDAR_DEMO.calendarIds[0], startTime: tomorrow(0), endTime: tomorrow(23) } },
		reason: 'One of calendarId, userId or groupId is required (the spec says so in prose only); times are epoch ms.',
	},
	{
		operation: 'GET /calendars/{calendarId}/free-slots',
		request: { query: { startDate: tomorrow(0), endDate: tomorrow(23) } },
		reason: 'The range may span at most 31 days; the spec\'s examples are a wider range.',
	},
	{
		operation: 'POST /calendars/events/block-slots',
		request: { body: { calendarId: CALENDAR_DEMO.calendarIds[0], startTime: '2030-01-07T12:00:00Z', endTime: '2030-01-07T13:00:00Z' } },
		reason: 'A blocked slot needs its times (not marked required in the spec).',
	},
];

export function operationDeparture(operation: string): SpecDeparture | undefined {
	return SPEC_DEPARTURES.find((d) => d.operation === operation && d.response);
}

/** The contract's schemas with the documented property departures applied. */
export function departedSchemas(schemas: Record<string, Schema>): Record<string, Schema> {
	const out = { ...schemas };
	for (const d of SPEC_DEPARTURES) {
		if (d.schema && d.properties && out[d.schema]) out[d.schema] = { ...out[d.schema], properties: { ...(out[d.schema].properties ?? {}), ...d.properties } };
	}
	return out;
}
