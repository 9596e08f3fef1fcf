import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { LookupDeclaration } from '../engine/declarations';
import { fillPath } from '../engine/requestParts';
import { actOnLocation } from '../engine/target';
import type { ApiResponse } from '../transport/request';
import { highLevelRequest } from '../transport/request';
import type { AuthSession } from '../transport/session';
import { loadAuthSession } from '../transport/session';

export interface LookupTarget {
	session: AuthSession;
	locationId?: string;
	bearer?: string;
}

/** Dropdowns act on the node's chosen Location, else the credential's own (resolved as operations do). */
export async function lookupTarget(ctx: ILoadOptionsFunctions, needsLocation = true): Promise<LookupTarget> {
	const session = await loadAuthSession(ctx);
	let chosen = '';
	try {
		chosen = String(ctx.getCurrentNodeParameter('location', { extractValue: true }) ?? '').trim();
	} catch {
		chosen = '';
	}
	const locationId = chosen || session.tokenLocationId;
	if (!locationId) {
		if (!needsLocation) return { session };
		throw new NodeOperationError(ctx.getNode(), 'Choose a Location first: the credential is not tied to one sub-account');
	}
	return { session, ...(await actOnLocation(ctx, session, locationId)) };
}

/** Sends one declared lookup (methods/lookups.ts), with declared parameter names only. */
export async function lookupRequest(
	ctx: ILoadOptionsFunctions,
	target: LookupTarget,
	lookup: LookupDeclaration,
	request: { pathParams?: Record<string, string>; qs?: IDataObject; body?: IDataObject } = {},
): Promise<ApiResponse> {
	const undeclared = [
		...Object.keys(request.qs ?? {}).filter((name) => !lookup.query?.includes(name)),
		...Object.keys(request.body ?? {}).filter((name) => !lookup.body?.includes(name)),
	];
	if (undeclared.length) throw new NodeOperationError(ctx.getNode(), `Lookup ${lookup.method} ${lookup.path} does not declare ${undeclared.join(', ')}`);
	return await highLevelRequest(ctx, target.session, {
		method: lookup.method,
		path: fillPath(lookup.path, request.pathParams ?? {}),
		template: lookup.path,
		qs: request.qs,
		body: request.body,
		version: lookup.version,
		scopes: lookup.scopes,
		idempotent: true,
		locationId: target.locationId,
		bearer: target.bearer,
	});
}
