// Tokens: OAuth access/refresh tokens, authorization codes, Private Integration Tokens, and the
// check of a token against an operation's security requirements.
import type { SecurityRequirement } from './contract';
import { DEMO } from './demo';
import type { SandboxState } from './state';
import type { IssueGrantOptions, IssueTokenOptions, UserType } from './types';
import { httpError, secret } from './util';
import type { HttpError } from './util';

export interface Identity {
	userType: UserType;
	/** Location tokens only. */
	locationId?: string;
	companyId: string;
	scopes: string[];
	/** The user who installed the app (HighLevel returns it with every token). */
	userId: string;
}

export interface TokenInfo extends Identity {
	scopeSet: Set<string>;
	/** Epoch ms; null = never expires (Private Integration Tokens). */
	expiresAt: number | null;
	privateIntegration: boolean;
}

interface Grant extends Identity {
	expiresAt: number;
	used: boolean;
	redirectUri?: string;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token?: string;
	scope: string;
	userType: UserType;
	locationId?: string;
	companyId: string;
	userId: string;
	approvedLocations?: string[];
	isBulkInstallation?: boolean;
	planId?: string;
}

const CODE_TTL_MS = 10 * 60 * 1000;
const REFRESH_TTL_MS = 365 * 24 * 3600 * 1000;

export class AuthStore {
	private readonly accessTokens = new Map<string, TokenInfo>();
	private readonly codes = new Map<string, Grant>();
	private readonly refreshTokens = new Map<string, Grant>();

	constructor(
		private readonly state: SandboxState,
		private readonly clock: () => number,
		private readonly defaultTtlSec: number,
		readonly allScopes: string[],
	) {
		this.restorePrivateTokens();
	}

	/** (Re)registers the never-expiring Private Integration Tokens of DEMO. */
	restorePrivateTokens(): void {
		const pit = (identity: Identity): TokenInfo => ({ ...identity, scopeSet: new Set(identity.scopes), expiresAt: null, privateIntegration: true });
		this.accessTokens.set(DEMO.locationPrivateToken, pit(this.identity({ userType: 'Location', locationId: DEMO.locationId })));
		this.accessTokens.set(DEMO.agencyPrivateToken, pit(this.identity({ userType: 'Company', companyId: DEMO.companyId })));
	}

	/** Fills the defaults of issue* options: the demo location or company, all scopes. */
	identity(opts: IssueGrantOptions): Identity {
		if (opts.userType === 'Location') {
			const locationId = opts.locationId ?? DEMO.locationId;
			const companyId = opts.companyId ?? this.state.locations.get(locationId)?.companyId ?? DEMO.companyId;
			return { userType: 'Location', locationId, companyId, scopes: [...(opts.scopes ?? this.allScopes)], userId: DEMO.userIds[0] };
		}
		return { userType: 'Company', companyId: opts.companyId ?? DEMO.companyId, scopes: [...(opts.scopes ?? this.allScopes)], userId: DEMO.userIds[0] };
	}

	issueAccessToken(identity: Identity, ttlSec = this.defaultTtlSec): string {
		const token = secret('sbx-at-');
		this.accessTokens.set(token, {
			...identity,
			scopes: [...identity.scopes],
			scopeSet: new Set(identity.scopes),
			expiresAt: this.clock() + ttlSec * 1000,
			privateIntegration: false,
		});
		return token;
	}

	issueToken(opts: IssueTokenOptions): string {
		return this.issueAccessToken(this.identity(opts), opts.ttlSec);
	}

	issueCode(identity: Identity, redirectUri?: string): string {
		const code = secret('sbx-code-');
		this.codes.set(code, { ...identity, expiresAt: this.clock() + CODE_TTL_MS, used: false, redirectUri });
		return code;
	}

	issueRefreshToken(identity: Identity): string {
		const token = secret('sbx-rt-');
		this.refreshTokens.set(token, { ...identity, expiresAt: this.clock() + REFRESH_TTL_MS, used: false });
		return token;
	}

	expire(accessToken: string): void {
		const info = this.accessTokens.get(accessToken);
		if (info) info.expiresAt = this.clock() - 1;
	}

	/** A known, unexpired access token, or undefined. */
	lookup(accessToken: string): TokenInfo | undefined {
		const info = this.accessTokens.get(accessToken);
		if (!info) return undefined;
		if (info.expiresAt !== null && info.expiresAt <= this.clock()) return undefined;
		return info;
	}

	/** Authorization-code grant: the code is single use. */
	exchangeCode(code: string, redirectUri: string | undefined): TokenResponse | string {
		const grant = this.codes.get(code);
		if (!grant || grant.used || grant.expiresAt <= this.clock()) return 'The authorization code is invalid, expired or already used';
		if (grant.redirectUri && redirectUri && grant.redirectUri !== redirectUri) return 'redirect_uri does not match the one of the authorization request';
		grant.used = true;
		return this.tokenResponse(grant, true);
	}

	/** Refresh grant with rotation: the used refresh token is spent, a new one comes back. */
	refresh(refreshToken: string): TokenResponse | string {
		const grant = this.refreshTokens.get(refreshToken);
		if (!grant) return 'Invalid refresh token';
		if (grant.used) return 'The refresh token has already been used';
		if (grant.expiresAt <= this.clock()) return 'The refresh token has expired';
		grant.used = true;
		return this.tokenResponse(grant, true);
	}

	/** A location token minted from a company token (no refresh token). */
	locationToken(company: TokenInfo, locationId: string): TokenResponse {
		const identity: Identity = { userType: 'Location', locationId, companyId: company.companyId, scopes: company.scopes, userId: company.userId };
		return this.tokenResponse(identity, false);
	}

	private tokenResponse(identity: Identity, withRefresh: boolean): TokenResponse {
		const clean: Identity = { userType: identity.userType, locationId: identity.locationId, companyId: identity.companyId, scopes: identity.scopes, userId: identity.userId };
		const response: TokenResponse = {
			access_token: this.issueAccessToken(clean),
			token_type: 'Bearer',
			expires_in: this.defaultTtlSec,
			scope: clean.scopes.join(' '),
			userType: clean.userType,
			companyId: clean.companyId,
			userId: clean.userId,
		};
		if (withRefresh) response.refresh_token = this.issueRefreshToken(clean);
		if (clean.userType === 'Location') {
			response.locationId = clean.locationId;
		} else {
			response.approvedLocations = [...this.state.locations.values()].filter((l) => l.companyId === clean.companyId).map((l) => l.id);
		}
		response.isBulkInstallation = false;
		return response;
	}
}

const LOCATION_SCHEMES = new Set(['bearer', 'Location-Access', 'Location-Access-Only']);
const COMPANY_SCHEMES = new Set(['Agency-Access', 'Agency-Access-Only']);

function schemeAccepts(scheme: string, token: TokenInfo): boolean {
	if (scheme.endsWith('-Only') && token.privateIntegration) return false;
	if (LOCATION_SCHEMES.has(scheme)) return token.userType === 'Location';
	if (COMPANY_SCHEMES.has(scheme)) return token.userType === 'Company';
	return true; // an unknown scheme: do not lock anyone out
}

/** Null when the token may call an operation with these security requirements. */
export function authorize(token: TokenInfo, security: SecurityRequirement[]): HttpError | null {
	if (security.length === 0) return null;
	const fitting = security.filter((s) => schemeAccepts(s.scheme, token));
	if (fitting.length === 0) return httpError(401, 'The token type is not allowed for this route');
	if (fitting.some((s) => s.scopes.every((scope) => token.scopeSet.has(scope)))) return null;
	return httpError(401, 'The token is not authorized for this scope.');
}
