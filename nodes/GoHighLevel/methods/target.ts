import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locationTokenFor } from '../transport/location';
import type { ApiResponse } from '../transport/request';
import { highLevelRequest } from '../transport/request';
import type { AuthSession } from '../transport/session';
import { loadAuthSession } from '../transport/session';

export interface LookupTarget {
	session: AuthSession;
	locationId?: string;
	bearer?: string;
}

/** Dropdowns act on the node's chosen Location, else the credential's own. */
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
	if (session.tokenType === 'Company' && session.credentialType === 'goHighLevelOAuth2Api') {
		return { session, locationId, bearer: await locationTokenFor(ctx, session, locationId, 0) };
	}
	return { session, locationId };
}

export async function lookupRequest(
	ctx: ILoadOptionsFunctions,
	target: LookupTarget,
	request: { method?: 'GET' | 'POST'; path: string; template: string; qs?: IDataObject; body?: IDataObject; version: string; scopes: string[] },
): Promise<ApiResponse> {
	return await highLevelRequest(ctx, target.session, {
		method: request.method ?? 'GET',
		path: request.path,
		template: request.template,
		qs: request.qs,
		body: request.body,
		version: request.version,
		scopes: request.scopes,
		idempotent: true,
		locationId: target.locationId,
		bearer: target.bearer,
	});
}
