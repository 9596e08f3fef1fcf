// The whole-contract proof's pieces: a minimal valid request per operation, built from the spec
// (required parameters and body fields only), and a JSON-Schema validator of the spec's response
// schemas that is independent of the sandbox's own code (ajv).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import type { Sandbox } from '../../sandbox';
import { DEMO } from '../../sandbox';
import { SEEDED_PET_IDS } from '../../sandbox/domains/associations/state';
import { CALENDAR_DEMO } from '../../sandbox/domains/calendars/state';
import type { Operation, Schema } from '../../sandbox/contract';
import { SHARED_COLLECTIONS } from '../../sandbox/generic/shared';
import { seedId } from '../../sandbox/generic/store';
import { SPEC_DEPARTURES, departedSchemas } from '../../sandbox/specDepartures';

export interface BuiltRequest {
	method: string;
	path: string;
	userType: 'Location' | 'Company';
	version: string | null;
	json?: unknown;
	form?: Record<string, string>;
	/** The path and query values by name (for clients that take parameters, not URLs). */
	params: Record<string, string>;
}

/** Ids of seeded demo records, by the parameter or body field that carries them. */
export function demoIds(sandbox: Sandbox): Record<string, string> {
	const s = sandbox.state;
	const first = <T>(values: Iterable<T>, test: (v: T) => boolean = () => true): T | undefined => {
		for (const v of values) if (test(v)) return v;
		return undefined;
	};
	const inDemo = (v: { locationId?: string }) => v.locationId === DEMO.locationId;
	const contactId = first(s.contacts.values(), inDemo)!.id;
	const conversation = [...s.conversations.conversations.values()][0];
	const message = first(s.conversations.messages.values(), (m) => m.conversationId === conversation.id)!;
	const callMessage = first(s.conversations.messages.values(), (m) => m.messageType === 'TYPE_CALL')!;
	const pipeline = first(s.pipelines.values(), inDemo)!;
	const association = first(s.associations.associations.values(), (a) => a.key === 'contact_pet')!;
	return {
		locationId: DEMO.locationId,
		location_id: DEMO.locationId,
		companyId: DEMO.companyId,
		userId: DEMO.userIds[1],
		contactId,
		taskId: first(s.tasks.values(), (t) => t.contactId === contactId)!.id,
		noteId: first(s.notes.values(), (n) => n.contactId === contactId)!.id,
		businessId: first(s.businesses.values(), inDemo)!.id,
		campaignId: first(s.campaigns.values(), inDemo)!.id,
		workflowId: first(s.workflows.values(), inDemo)!.id,
		pipelineId: pipeline.id,
		pipelineStageId: pipeline.stages[0].id,
		opportunityId: first(s.opportunities.values(), inDemo)!.id,
		conversationId: conversation.id,
		messageId: message.id,
		callMessageId: callMessage.id,
		emailMessageId: first(s.conversations.emails.keys())!,
		blogId: first(s.blogs.blogs.values())!._id,
		author: first(s.blogs.authors.values())!._id,
		postId: first(s.blogs.posts.values())!._id,
		calendarId: first(s.calendarStore.calendars.keys())!,
		groupId: first(s.calendarStore.groups.keys())!,
		eventId: CALENDAR_DEMO.appointmentIds[0],
		appointmentId: CALENDAR_DEMO.appointmentIds[0],
		associationId: association.id,
		key_name: association.key,
		relationId: first(s.associations.relations.values())!.id,
		// A new relation: the first contact and the pet it is not linked to yet.
		firstRecordId: contactId,
		secondRecordId: SEEDED_PET_IDS[1],
		categoryId: first(s.blogs.categories.values())!._id,
		followerId: DEMO.userIds[1],
		snapshotId: first(s.snapshots.values())!.id,
		customFieldId: first(s.customFields.values(), inDemo)!.id,
		tagId: first(s.tags.values(), inDemo)!.id,
		notificationId: CALENDAR_DEMO.notificationIds[0],
		blockedSlotId: CALENDAR_DEMO.blockedSlotId,
		appointmentNoteId: CALENDAR_DEMO.appointmentNoteId,
	};
}

/**
 * Which demo id a path parameter takes where its name alone does not say: `{id}` after a
 * collection is that collection's id; a few parameters name another record's id.
 */
function pathId(op: Operation, segments: string[], i: number, name: string, ids: Record<string, string>): string | undefined {
	const template = op.path;
	if (name === 'messageId' && /recording|transcription/.test(template)) return ids.callMessageId;
	if (template === '/conversations/messages/{id}') return ids.messageId;
	if (template === '/conversations/messages/email/{id}') return ids.emailMessageId;
	if (template.startsWith('/calendars/appointments/{appointmentId}/notes/') && name === 'noteId') return ids.appointmentNoteId;
	if (template === '/calendars/events/block-slots/{eventId}') return ids.blockedSlotId;
	if (template === '/contacts/bulk/tags/update/{type}') return 'add';
	if (name !== 'id') return ids[name];
	const previous = segments[i - 1];
	if (previous === '{resourceType}') return CALENDAR_DEMO.equipmentId;
	const stem = previous.replace(/ies$/, 'y').replace(/s$/, '');
	return ids[`${stem}Id`];
}
/** The token type an operation accepts: Location unless it takes agency tokens only (OAuth tokens pass the `-Only` schemes too). */
function userTypeFor(op: Operation): 'Location' | 'Company' {
	const schemes = op.security.map((s) => s.scheme);
	return schemes.length === 0 || schemes.some((s) => s === 'bearer' || s.startsWith('Location-Access')) ? 'Location' : 'Company';
}

const ACCOUNT_IDS = ['locationId', 'companyId', 'userId'];

export function buildRequest(op: Operation, contractSchemas: Record<string, Schema>, ids: Record<string, string>, handWritten: boolean): BuiltRequest {
	const schemas = departedSchemas(contractSchemas);
	const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref] ?? {}) : schema);
	const segments = op.path.split('/');
	const params: Record<string, string> = {};
	const path = segments
		.map((segment, i) => {
			const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
			if (!name) return segment;
			const schema = resolve(op.params.find((p) => p.in === 'path' && p.name === name)?.schema ?? {});
			// Generic operations: the record each collection is seeded with (the demo account's ids for access checks).
			const demoRecord = handWritten || SHARED_COLLECTIONS.some((c) => op.path.startsWith(`${c}/`));
			const known = demoRecord ? pathId(op, segments, i, name, ids) : ACCOUNT_IDS.includes(name) ? ids[name] : undefined;
			params[name] = schema.enum?.length ? String(schema.enum[0]) : known || seedId(segments.slice(0, i).join('/'));
			return encodeURIComponent(params[name]);
		})
		.join('/');
	const query = new URLSearchParams();
	for (const p of op.params) if (p.in === 'query' && p.required) query.set(p.name, String(scalar(resolve(p.schema), p.name, ids)));
	const extra = SPEC_DEPARTURES.find((d) => d.operation === `${op.method.toUpperCase()} ${op.path}` && d.request)?.request;
	for (const [name, v] of Object.entries(extra?.query ?? {})) query.set(name, v);
	const qs = query.toString();
	for (const [name, v] of query) params[name] = v;
	const request: BuiltRequest = { method: op.method.toUpperCase(), path: qs ? `${path}?${qs}` : path, userType: userTypeFor(op), version: op.version, params };
	if (op.body && (op.body.required || extra?.body || hasRequired(resolve(op.body.schema), resolve))) {
		const schema = resolve(op.body.schema);
		const built = schema.type === 'array' ? [minimal(schema.items ?? {}, '', ids, resolve, 1)] : minimal(schema, '', ids, resolve, 0);
		const extras = Object.entries(extra?.body ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/^\{(\w+)\}$/, (_, id: string) => ids[id]) : v]);
		const body = Array.isArray(built) ? built : { ...(built as object), ...Object.fromEntries(extras) };
		if (/form-urlencoded/.test(op.body.contentType)) request.form = Object.fromEntries(Object.entries(body as object).map(([k, v]) => [k, String(v)]));
		else request.json = body;
	}
	return request;
}

function hasRequired(schema: Schema, resolve: (s: Schema) => Schema): boolean {
	return (schema.required?.length ?? 0) > 0 || (schema.allOf ?? []).some((s) => hasRequired(resolve(s), resolve));
}

const JS_TYPES: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean' };

function singular(name: string): string {
	const one = name.replace(/ies$/, 'y').replace(/s$/, '');
	return one.endsWith('Id') ? one : `${one}Id`;
}

function scalar(schema: Schema, name: string, ids: Record<string, string>): unknown {
	if (ids[name]) return ids[name];
	if (schema.enum?.length) return schema.enum[0];
	// The spec's example when it has the documented type and is not empty.
	if (schema.example !== '' && schema.type && typeof schema.example === JS_TYPES[schema.type]) return schema.example;
	switch (schema.type) {
		case 'integer':
		case 'number':
			return schema.minimum ?? 1;
		case 'boolean':
			return true;
		case 'array':
			return [scalar(schema.items ?? {}, name, ids)];
	}
	if (/email/i.test(name)) return 'sandbox@example.com';
	if (/date|time/i.test(name)) return new Date().toISOString();
	return `sandbox-${name}`;
}

/** Only the required fields, each with the simplest value its schema allows. */
function minimal(schemaIn: Schema, name: string, ids: Record<string, string>, resolve: (s: Schema) => Schema, depth: number): unknown {
	const schema = resolve(schemaIn);
	if (schema.allOf) {
		const parts = [...schema.allOf, { ...schema, allOf: undefined }].map((s) => minimal(s, name, ids, resolve, depth));
		return Object.assign({}, ...parts.filter((p) => p && typeof p === 'object' && !Array.isArray(p)));
	}
	const alternatives = schema.oneOf ?? schema.anyOf;
	if (alternatives?.length) return minimal(alternatives[0], name, ids, resolve, depth);
	// A required list gets one item (`locationIds` → the demo location).
	if (schema.type === 'array') return [minimal(schema.items ?? {}, singular(name), ids, resolve, depth + 1)];
	if (schema.type === 'object' || schema.properties) {
		const out: Record<string, unknown> = {};
		if (depth > 8) return out;
		for (const key of schema.required ?? []) {
			const prop = schema.properties?.[key];
			const p = prop ? resolve(prop) : {};
			out[key] = minimal(p, key, ids, resolve, depth + 1);
		}
		return out;
	}
	return scalar(schema, name, ids);
}

/** Validators of the contract's response schemas: OpenAPI 3.0 `nullable` and refs turned into JSON Schema. */
export function responseValidator(schemas: Record<string, Schema>) {
	// validateSchema off: the specs have harmless schema slips (duplicate enum values) ajv would refuse.
	const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
	addFormats(ajv);
	const toJson = (schema: unknown): unknown => {
		if (Array.isArray(schema)) return schema.map(toJson);
		if (!schema || typeof schema !== 'object') return schema;
		const s = schema as Record<string, unknown>;
		if (typeof s.$ref === 'string') return s.nullable ? { anyOf: [{ $ref: refId(s.$ref) }, { type: 'null' }] } : { $ref: refId(s.$ref) };
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(s)) {
			if (k === 'nullable' || k === 'example') continue;
			if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as object).map(([p, ps]) => [p, toJson(ps)]));
			else out[k] = typeof v === 'object' ? toJson(v) : v;
		}
		// Departures the sandbox takes on purpose (listed with their reasons in sandbox/specDepartures.ts).
		if (out.oneOf) {
			out.anyOf = out.oneOf;
			delete out.oneOf;
		}
		if (s.nullable) return { anyOf: [out, { type: 'null' }] };
		return out;
	};
	const key = (ref: string) => ref.replace(/[^A-Za-z0-9_.-]/g, '__');
	const refId = (ref: string) => `contract#/definitions/${key(ref)}`;
	const definitions = Object.fromEntries(Object.entries(departedSchemas(schemas)).map(([k, v]) => [key(k), toJson(v)]));
	ajv.addSchema({ $id: 'contract', definitions });
	return (schema: Schema) => ajv.compile(toJson(schema) as object);
}

/** Where a valid request needs a choice of data beyond the spec's required fields (not a departure from the spec). */
export function sampleData(sandbox: Sandbox, operation: string, req: BuiltRequest): void {
	if (operation === 'POST /oauth/token') {
		req.form = { client_id: DEMO.clientId, client_secret: DEMO.clientSecret, grant_type: 'refresh_token', refresh_token: sandbox.issueRefreshToken({ userType: 'Location' }) };
	}
	if (operation === 'POST /conversations/providers/live-chat/typing') Object.assign(req.json as object, { isTyping: 'true' });
	// Any start time is taken only when the free-slot check is skipped (a documented field).
	if (operation === 'POST /calendars/events/appointments') Object.assign(req.json as object, { ignoreFreeSlotValidation: true });
}
