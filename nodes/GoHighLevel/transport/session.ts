import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../../../credentials/scopes';

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
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function credentialTypeOf(ctx: HighLevelContext): CredentialType {
	const authentication = ctx.getNodeParameter('authentication', 0, 'oAuth2') as string;
	return authentication === 'privateIntegrationToken' ? 'goHighLevelPrivateIntegrationApi' : 'goHighLevelOAuth2Api';
}

export async function loadAuthSession(ctx: HighLevelContext): Promise<AuthSession> {
	const credentialType = credentialTypeOf(ctx);
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = (text(credentials.baseUrl) ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
	if (credentialType === 'goHighLevelPrivateIntegrationApi') {
		return {
			credentialType,
			baseUrl,
			tokenType: text(credentials.locationId) ? 'Location' : 'Company',
			tokenLocationId: text(credentials.locationId),
			secrets: [String(credentials.token ?? '')],
		};
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const userType = text(tokenData.userType) ?? text(credentials.userType) ?? 'Location';
	return {
		credentialType,
		baseUrl,
		tokenType: userType === 'Company' ? 'Company' : 'Location',
		tokenLocationId: text(tokenData.locationId),
		companyId: text(tokenData.companyId),
		secrets: [
			String(credentials.clientSecret ?? ''),
			String(tokenData.access_token ?? ''),
			String(tokenData.refresh_token ?? ''),
		],
	};
}
