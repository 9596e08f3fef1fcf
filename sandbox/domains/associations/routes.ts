// Associations (link types between two objects) and relations (links between two records).
import type { Association, Relation } from './state';
import { objectId } from '../../stores';
import { httpError, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { assertLocationAccess, body, intQuery, queryValue, token } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'relations must link existing records of the location, keys are unique, deletes cascade to relations';

const OBJECT_KEY = /^(contact|opportunity|business|custom_objects\.[a-z0-9_]+)$/;

function associationFor(ctx: RouteContext, id: string): Association {
	const association = ctx.state.associations.associations.get(id);
	if (!association) throw notFound('Association');
	assertLocationAccess(ctx, association.locationId);
	return association;
}

function toApi(a: Association): Record<string, unknown> {
	return {
		id: a.id, locationId: a.locationId, key: a.key,
		firstObjectKey: a.firstObjectKey, firstObjectLabel: a.firstObjectLabel,
		secondObjectKey: a.secondObjectKey, secondObjectLabel: a.secondObjectLabel,
		associationType: a.associationType, createdAt: a.createdAt, updatedAt: a.updatedAt,
	};
}

function relationApi(r: Relation): Record<string, unknown> {
	return { ...r };
}

/** The labels and keys are typed `object` in the spec but are strings in reality. */
function text(value: unknown, name: string): string {
	if (typeof value !== 'string') throw httpError(422, [`${name} must be a string`]);
	const trimmed = value.trim();
	if (!trimmed) throw httpError(422, [`${name} should not be empty`]);
	return trimmed;
}

function objectKey(value: unknown, name: string): string {
	const key = text(value, name).toLowerCase();
	if (!OBJECT_KEY.test(key)) throw httpError(400, `${name} must be contact, opportunity, business or custom_objects.<key>`);
	return key;
}

function paging(ctx: RouteContext) {
	return { skip: intQuery(ctx, 'skip', 0, 0, Number.MAX_SAFE_INTEGER), limit: intQuery(ctx, 'limit', 100, 1, 100) };
}

function inLocation(ctx: RouteContext, locationId: string): Association[] {
	return [...ctx.state.associations.associations.values()].filter((a) => a.locationId === locationId);
}

const list: RouteDef = {
	method: 'GET',
	path: '/associations/', why: WHY,
	handle(ctx) {
		const { skip, limit } = paging(ctx);
		const all = inLocation(ctx, String(queryValue(ctx, 'locationId')));
		return { body: { associations: all.slice(skip, skip + limit).map(toApi), total: all.length } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/associations/{associationId}', why: WHY,
	handle(ctx) {
		return { body: toApi(associationFor(ctx, ctx.params.associationId)) };
	},
};

const byKey: RouteDef = {
	method: 'GET',
	path: '/associations/key/{key_name}', why: WHY,
	handle(ctx) {
		const key = ctx.params.key_name;
		const found = inLocation(ctx, String(queryValue(ctx, 'locationId'))).find((a) => a.key === key);
		if (!found) throw notFound('Association');
		return { body: toApi(found) };
	},
};

const byObjectKey: RouteDef = {
	method: 'GET',
	path: '/associations/objectKey/{objectKey}', why: WHY,
	handle(ctx) {
		const locationId = queryValue(ctx, 'locationId') || token(ctx).locationId;
		if (!locationId) throw httpError(422, ['locationId should not be empty']);
		assertLocationAccess(ctx, locationId);
		const key = ctx.params.objectKey.toLowerCase();
		const found = inLocation(ctx, locationId).filter((a) => a.firstObjectKey === key || a.secondObjectKey === key);
		return { body: { associations: found.map(toApi) } };
	},
};

const create: RouteDef = {
	method: 'POST',
	path: '/associations/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const locationId = String(b.locationId);
		const key = text(b.key, 'key');
		const firstObjectKey = objectKey(b.firstObjectKey, 'firstObjectKey');
		const secondObjectKey = objectKey(b.secondObjectKey, 'secondObjectKey');
		const firstObjectLabel = text(b.firstObjectLabel, 'firstObjectLabel');
		const secondObjectLabel = text(b.secondObjectLabel, 'secondObjectLabel');
		if (inLocation(ctx, locationId).some((a) => a.key === key)) throw httpError(400, `Association with key ${key} already exists`);
		const at = new Date(ctx.now()).toISOString();
		const association: Association = {
			id: objectId(ctx.state.idRng), locationId, key, firstObjectKey, firstObjectLabel, secondObjectKey, secondObjectLabel,
			associationType: 'USER_DEFINED', createdAt: at, updatedAt: at,
		};
		ctx.state.associations.associations.set(association.id, association);
		return { body: toApi(association) };
	},
};

const update: RouteDef = {
	method: 'PUT',
	path: '/associations/{associationId}', why: WHY,
	handle(ctx) {
		const association = associationFor(ctx, ctx.params.associationId);
		if (association.associationType === 'SYSTEM_DEFINED') throw httpError(400, 'System defined associations cannot be updated');
		const b = body(ctx);
		association.firstObjectLabel = text(b.firstObjectLabel, 'firstObjectLabel');
		association.secondObjectLabel = text(b.secondObjectLabel, 'secondObjectLabel');
		association.updatedAt = new Date(ctx.now()).toISOString();
		return { body: toApi(association) };
	},
};

const remove: RouteDef = {
	method: 'DELETE',
	path: '/associations/{associationId}', why: WHY,
	handle(ctx) {
		const association = associationFor(ctx, ctx.params.associationId);
		if (association.associationType === 'SYSTEM_DEFINED') throw httpError(400, 'System defined associations cannot be deleted');
		const { associations, relations } = ctx.state.associations;
		for (const [id, r] of relations) if (r.associationId === association.id) relations.delete(id);
		associations.delete(association.id);
		return { body: { deleted: true, id: association.id, message: 'Association deleted successfully' } };
	},
};

const relationsOfRecord: RouteDef = {
	method: 'GET',
	path: '/associations/relations/{recordId}', why: WHY,
	handle(ctx) {
		const { skip, limit } = paging(ctx);
		const locationId = String(queryValue(ctx, 'locationId'));
		const raw = ctx.query.associationIds;
		const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
		const recordId = ctx.params.recordId;
		const all = [...ctx.state.associations.relations.values()].filter(
			(r) => r.locationId === locationId && (r.firstRecordId === recordId || r.secondRecordId === recordId) && (ids.length === 0 || ids.includes(r.associationId)),
		);
		return { body: { relations: all.slice(skip, skip + limit).map(relationApi), total: all.length } };
	},
};

function checkRecord(ctx: RouteContext, objectKey: string, recordId: string, locationId: string): void {
	if (objectKey !== 'contact') return; // other objects: any id (the sandbox keeps no custom object records)
	const contact = ctx.state.contacts.get(recordId);
	if (!contact || contact.locationId !== locationId) throw notFound('Contact');
}

const createRelation: RouteDef = {
	method: 'POST',
	path: '/associations/relations', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const locationId = String(b.locationId);
		const association = ctx.state.associations.associations.get(String(b.associationId));
		if (!association || association.locationId !== locationId) throw notFound('Association');
		const firstRecordId = String(b.firstRecordId);
		const secondRecordId = String(b.secondRecordId);
		if (firstRecordId === secondRecordId) throw httpError(400, 'A record cannot be related to itself');
		checkRecord(ctx, association.firstObjectKey, firstRecordId, locationId);
		checkRecord(ctx, association.secondObjectKey, secondRecordId, locationId);
		const symmetric = association.firstObjectKey === association.secondObjectKey;
		for (const r of ctx.state.associations.relations.values()) {
			if (r.associationId !== association.id) continue;
			const same = r.firstRecordId === firstRecordId && r.secondRecordId === secondRecordId;
			const swapped = symmetric && r.firstRecordId === secondRecordId && r.secondRecordId === firstRecordId;
			if (same || swapped) throw httpError(400, 'Relation already exists');
		}
		const at = new Date(ctx.now()).toISOString();
		const relation: Relation = {
			id: objectId(ctx.state.idRng), locationId, associationId: association.id, firstRecordId, secondRecordId,
			firstObjectKey: association.firstObjectKey, secondObjectKey: association.secondObjectKey, createdAt: at, updatedAt: at,
		};
		ctx.state.associations.relations.set(relation.id, relation);
		return { body: relationApi(relation) };
	},
};

const deleteRelation: RouteDef = {
	method: 'DELETE',
	path: '/associations/relations/{relationId}', why: WHY,
	handle(ctx) {
		const relation = ctx.state.associations.relations.get(ctx.params.relationId);
		if (!relation || relation.locationId !== queryValue(ctx, 'locationId')) throw notFound('Relation');
		ctx.state.associations.relations.delete(relation.id);
		return { body: relationApi(relation) };
	},
};

export const associationRoutes: RouteDef[] = [list, get, byKey, byObjectKey, create, update, remove, relationsOfRecord, createRelation, deleteRelation];
