import { NodeOperationError } from 'n8n-workflow';

import { highLevelRequest } from './request';
import type { AuthSession, HighLevelContext } from './session';

interface CachedToken {
	token: string;
	expiresAt: number;
}

/** Location tokens minted from agency tokens, reused until shortly before they expire. */
const locationTokens = new Map<string, CachedToken>();
const EXPIRY_MARGIN_MS = 60_000;

/**
 * An agency (Company) OAuth token cannot call location endpoints itself: HighLevel exchanges it
 * for a location token (`POST /oauth/locationToken`), which we cache per company and location.
 */
export async function locationTokenFor(
	ctx: HighLevelContext,
	session: AuthSession,
	locationId: string,
	itemIndex: number,
): Promise<string> {
	if (!session.companyId) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The agency token carries no company ID, so no location token can be requested. Reconnect the credential.',
			{ itemIndex },
		);
	}
	const key = `${session.baseUrl}|${session.companyId}|${locationId}`;
	const cached = locationTokens.get(key);
	if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;

	const response = await highLevelRequest(ctx, session, {
		method: 'POST',
		path: '/oauth/locationToken',
		template: '/oauth/locationToken',
		body: new URLSearchParams({ companyId: session.companyId, locationId }),
		version: '2021-07-28',
		scopes: ['oauth.write'],
		// Minting a token twice is harmless.
		idempotent: true,
		itemIndex,
	});
	const body = (response.body ?? {}) as { access_token?: string; expires_in?: number };
	if (!body.access_token) {
		throw new NodeOperationError(ctx.getNode(), `HighLevel returned no location token for location ${locationId}`, { itemIndex });
	}
	const expiresInMs = (Number(body.expires_in) || 86_399) * 1000;
	locationTokens.set(key, { token: body.access_token, expiresAt: Date.now() + expiresInMs });
	return body.access_token;
}
