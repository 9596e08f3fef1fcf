// Public types of the sandbox. Kept apart from index.ts so internal modules can import them
// without an import cycle.
import type { SandboxState } from './state';

export interface RateLimitConfig {
	max: number;
	intervalMs: number;
	daily: number;
	retryAfter: boolean;
}

export interface SandboxOptions {
	/** 0 (default) = random free port. */
	port?: number;
	/** Contacts generated in DEMO.locationId (default 25). */
	seedContacts?: number;
	rateLimit?: Partial<RateLimitConfig>;
	/** Latency of every API answer unless a fault sets its own (survives reset), e.g. `{ minMs: 150, maxMs: 400 }`. */
	latency?: LatencyRange;
	/** Lifetime of OAuth access tokens (default 86399). */
	accessTokenTtlSec?: number;
	/** JSONL request log; defaults to process.env.HIGHLEVEL_SANDBOX_LOG. */
	logFile?: string;
	/** Keep at most this many entries in `requests` (oldest dropped; default unlimited). */
	requestLogLimit?: number;
	/** Clock in epoch ms for token expiry and rate-limit windows (tests only; default Date.now). */
	clock?: () => number;
}

export interface LatencyRange {
	minMs: number;
	maxMs: number;
}

export interface FaultConfig {
	/** Faults apply only to matching requests (default: all non-OAuth API requests). */
	match?: { method?: string; pathPrefix?: string };
	/** Added before answering (default: the sandbox's `latency` option). */
	latencyMs?: number;
	/** Up to this much more, drawn per request from a seeded PRNG (HighLevel's latency varies: ~150–400 ms). */
	latencyJitterMs?: number;
	/** The next N matching requests answer 500/502/503 (cycle) without applying anything. */
	fail5xxNext?: number;
	/** The next N matching requests are applied and then answer 500. */
	fail5xxAfterWriteNext?: number;
	/** The next N matching requests: socket destroyed without any response, nothing applied. */
	resetNext?: number;
	/** The next N matching requests answer 429 (rate-limit headers with Remaining 0), nothing applied. */
	storm429Next?: number;
	/** 0..1, seeded deterministic PRNG, answered 503 before applying. */
	fail5xxRate?: number;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	version: string | null;
	body: unknown;
	/** HTTP status answered; 0 when the connection was reset by a fault. */
	status: number;
}

export type UserType = 'Location' | 'Company';

export interface IssueTokenOptions {
	userType: UserType;
	locationId?: string;
	companyId?: string;
	scopes?: string[];
	ttlSec?: number;
}

export type IssueGrantOptions = Omit<IssueTokenOptions, 'ttlSec'>;

export interface Sandbox {
	/** 'http://127.0.0.1:<port>' */
	url: string;
	port: number;
	/** The live in-memory data. */
	state: SandboxState;
	/** Every request answered (including OAuth), in order; never the Authorization header. */
	requests: LoggedRequest[];
	configure(patch: { rateLimit?: Partial<RateLimitConfig> }): void;
	/** Replaces the current fault config. */
	setFaults(faults: FaultConfig): void;
	clearFaults(): void;
	/** Returns an access token; default scopes = all scopes of the contract. */
	issueToken(opts: IssueTokenOptions): string;
	issueAuthCode(opts: IssueGrantOptions): string;
	/** A valid, unused refresh token for the demo OAuth client. */
	issueRefreshToken(opts: IssueGrantOptions): string;
	/** Makes an issued access token expired now. */
	expireToken(accessToken: string): void;
	/** Reseeds data, clears the log, faults and rate counters. */
	reset(): void;
	close(): Promise<void>;
}
