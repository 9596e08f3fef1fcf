import { NodeOperationError } from 'n8n-workflow';

// location.ts ⇄ request.ts import each other: the transport re-exchanges a refused location token
// here, and the exchange is itself a transport request. Both are only used inside functions.
import { highLevelRequest } from './request';
import type { AuthSession, HighLevelContext } from './session';

interface CachedToken {
	token: string;
	expiresAt: number;
}

/**
 * Location tokens minted from agency tokens, reused until shortly before they expire. Keyed by the
 * identity of the credential that minted them (a hash of its token, never the token) and the
 * location: a token is only handed back to the credential whose own token obtained it, so another
 * credential in the same n8n process (fewer scopes, a garbage token, another user) never acts
 * with it.
 */
const locationTokens = new Map<string, CachedToken>();
const EXPIRY_MARGIN_MS = 60_000;
/** Bounds the cache; the oldest entry goes first (Map keeps insertion order). */
export const MAX_CACHED_TOKENS = 500;

function cacheKey(session: AuthSession, locationId: string): string {
	return `${session.identity}|${locationId}`;
}

function remember(key: string, entry: CachedToken): void {
	locationTokens.delete(key);
	locationTokens.set(key, entry);
	while (locationTokens.size > MAX_CACHED_TOKENS) {
		const oldest = locationTokens.keys().next().value as string;
		locationTokens.delete(oldest);
	}
}

async function exchange(ctx: HighLevelContext, session: AuthSession, locationId: string, itemIndex: number): Promise<string> {
	if (!session.companyId) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The agency token carries no company ID, so no location token can be requested. Reconnect the credential.',
			{ itemIndex },
		);
	}
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
	remember(cacheKey(session, locationId), { token: body.access_token, expiresAt: Date.now() + expiresInMs });
	return body.access_token;
}

/**
 * An agency (Company) OAuth token cannot call location endpoints itself: HighLevel exchanges it
 * for a location token (`POST /oauth/locationToken`), cached per credential identity and location.
 */
export async function locationTokenFor(
	ctx: HighLevelContext,
	session: AuthSession,
	locationId: string,
	itemIndex: number,
): Promise<string> {
	const cached = locationTokens.get(cacheKey(session, locationId));
	if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
	return await exchange(ctx, session, locationId, itemIndex);
}

/**
 * HighLevel refused `stale` (revoked, app reinstalled, expired early): forget it and exchange the
 * agency token again. When another request already replaced it, that newer token is used instead.
 */
export async function renewLocationToken(
	ctx: HighLevelContext,
	session: AuthSession,
	locationId: string,
	stale: string,
	itemIndex: number,
): Promise<string> {
	const key = cacheKey(session, locationId);
	const cached = locationTokens.get(key);
	if (cached && cached.token !== stale && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
	locationTokens.delete(key);
	return await exchange(ctx, session, locationId, itemIndex);
}
