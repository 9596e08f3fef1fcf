import { createHash } from 'crypto';
import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../../credentials/scopes';
import { requestTimeoutMs } from './options';

export type HighLevelContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export type CredentialType = 'goHighLevelOAuth2Api' | 'goHighLevelPrivateIntegrationApi';


/** What the transport needs to know about the credential, read once per execution. */
export interface AuthSession {
	credentialType: CredentialType;
	baseUrl: string;
	tokenType: 'Location' | 'Company';
	/** Location of a sub-account token, or the Private Integration token's default. */
	tokenLocationId?: string;
	companyId?: string;
	/** Values that must never appear in an error or item. */
	secrets: string[];
	/**
	 * Who is asking, as a one-way hash of the credential's token (and client, host and company):
	 * what a location token is cached under, so it is only ever handed back to the credential
	 * whose token minted it. Never the secret itself.
	 */
	identity: string;
	/** False for an OAuth2 credential that holds no access token (never connected). */
	connected: boolean;
	/** How long each request may wait for an answer (the node's Timeout option). */
	timeoutMs: number;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function credentialTypeOf(ctx: HighLevelContext): CredentialType {
	const authentication = ctx.getNodeParameter('authentication', 0, 'oAuth2') as string;
	return authentication === 'privateIntegrationToken' ? 'goHighLevelPrivateIntegrationApi' : 'goHighLevelOAuth2Api';
}

/** A one-way, fixed-length name for a credential: the parts are secrets, the result is not. */
export function credentialIdentity(parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

export async function loadAuthSession(ctx: HighLevelContext): Promise<AuthSession> {
	const credentialType = credentialTypeOf(ctx);
	const timeoutMs = requestTimeoutMs(ctx);
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = (text(credentials.baseUrl) ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
	if (credentialType === 'goHighLevelPrivateIntegrationApi') {
		const token = String(credentials.token ?? '');
		return {
			credentialType,
			baseUrl,
			tokenType: text(credentials.locationId) ? 'Location' : 'Company',
			tokenLocationId: text(credentials.locationId),
			secrets: [token],
			identity: credentialIdentity([credentialType, baseUrl, token]),
			connected: true,
			timeoutMs,
		};
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const userType = text(tokenData.userType) ?? text(credentials.userType) ?? 'Location';
	const accessToken = String(tokenData.access_token ?? '');
	const companyId = text(tokenData.companyId);
	return {
		credentialType,
		baseUrl,
		tokenType: userType === 'Company' ? 'Company' : 'Location',
		tokenLocationId: text(tokenData.locationId),
		companyId,
		// The access token rotates on refresh: a refreshed credential simply mints a new location token.
		identity: credentialIdentity([credentialType, baseUrl, String(credentials.clientId ?? ''), companyId ?? '', accessToken]),
		connected: accessToken !== '',
		timeoutMs,
		secrets: [
			String(credentials.clientSecret ?? ''),
			String(tokenData.access_token ?? ''),
			String(tokenData.refresh_token ?? ''),
		],
	};
}
