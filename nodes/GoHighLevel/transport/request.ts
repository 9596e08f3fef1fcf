import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiError, highLevelMessage, networkError, notConnectedError, refreshRefusedError, tokenEndpointError } from './errors';
import { renewLocationToken } from './location';
import { parseRateLimitHeaders, sharedPacer } from './rateLimit';
import {
	backoffDelay,
	classifyNetworkError,
	isIdempotent,
	MAX_SERVER_ERROR_RETRIES,
} from './retry';
import type { AuthSession, HighLevelContext } from './session';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Final path with encoded parameters. */
	path: string;
	/** Path template, used in errors so no id or value leaks into messages. */
	template: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | URLSearchParams;
	version: string | null;
	scopes?: string[];
	idempotent?: boolean;
	itemIndex?: number;
	/** The location the request acts on: pacing key and error hints. */
	locationId?: string;
	/** A location token obtained from an agency token: sent instead of the credential's token. */
	bearer?: string;
	/** Read the answer as bytes (recordings, files). */
	binary?: boolean;
}

export interface ApiResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

interface ErrorLike {
	message?: string;
	code?: string;
	httpCode?: string | null;
	cause?: ErrorLike & { response?: { status?: number; data?: unknown }; status?: number; body?: unknown; config?: { url?: string }; failure?: { cause?: string } };
	response?: { status?: number; data?: unknown };
	config?: { url?: string };
	context?: IDataObject;
	description?: string | null;
}

/** What a thrown request failed on, in the terms the error messages need. */
type Thrown =
	| { kind: 'notConnected' }
	| { kind: 'refreshRefused'; status?: number; reason?: string }
	| { kind: 'tokenEndpoint'; status: number; body: unknown }
	| { kind: 'http'; status: number; body: unknown }
	| { kind: 'network'; code?: string; message: string; timedOut: boolean };

function statusOf(error: ErrorLike): number | undefined {
	const status = error.cause?.response?.status ?? error.response?.status ?? error.cause?.status;
	if (status) return status;
	const fromHttpCode = Number(error.httpCode);
	return Number.isFinite(fromHttpCode) && fromHttpCode >= 100 ? fromHttpCode : undefined;
}

function bodyOf(error: ErrorLike): unknown {
	return error.cause?.response?.data ?? error.response?.data ?? { message: error.description ?? error.message };
}

function codeOf(error: ErrorLike): string | undefined {
	return error.cause?.code ?? error.code ?? (error.context?.code as string | undefined);
}

const TOKEN_ENDPOINT = /\/oauth\/token(?:[?#]|$)/;

/**
 * Reads what n8n threw: its OAuth2 refresh (a refused or failing token endpoint), a credential
 * without a token, an HTTP answer kept as an error (401), or no answer at all.
 */
function interpret(error: ErrorLike): Thrown {
	const cause = error.cause;
	const text = `${error.message ?? ''} ${cause?.message ?? ''}`;
	if (/Unable to sign without access token|OAuth credentials not connected/i.test(text)) return { kind: 'notConnected' };
	// n8n turns an `invalid_grant` answer into "needs to be reconnected"; other refusals arrive as
	// the OAuth2 client's AuthError (code EAUTH, the token endpoint's body).
	if (cause?.failure?.cause === 'credential-invalid' || /needs to be reconnected/i.test(text)) return { kind: 'refreshRefused' };
	if (cause?.code === 'EAUTH') return { kind: 'refreshRefused', reason: highLevelMessage(cause.body) };
	const status = statusOf(error);
	const url = cause?.config?.url ?? error.config?.url ?? '';
	if (status !== undefined && TOKEN_ENDPOINT.test(url)) {
		const body = cause?.response?.data ?? cause?.body;
		return status >= 500 ? { kind: 'tokenEndpoint', status, body } : { kind: 'refreshRefused', status, reason: highLevelMessage(body) };
	}
	if (status !== undefined) return { kind: 'http', status, body: bodyOf(error) };
	const code = codeOf(error);
	const message = String(error.message ?? 'unknown error');
	const causeMessage = String(cause?.message ?? '');
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout|timed out/i.test(`${message} ${causeMessage}`);
	return { kind: 'network', code, message: causeMessage || message, timedOut };
}

/** Error answers to file requests arrive as bytes; HighLevel's message is JSON inside. */
function jsonIfBytes(body: unknown): unknown {
	if (!Buffer.isBuffer(body)) return body;
	const text = body.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function pacingKey(session: AuthSession, request: ApiRequest): string {
	return `${session.baseUrl}|${request.locationId ?? session.tokenLocationId ?? session.companyId ?? session.credentialType}`;
}

async function send(ctx: HighLevelContext, session: AuthSession, request: ApiRequest, bearer: string | undefined): Promise<IN8nHttpFullResponse> {
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.version) headers.Version = request.version;
	const isForm = request.body instanceof URLSearchParams;
	if (isForm) headers['Content-Type'] = 'application/x-www-form-urlencoded';
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${session.baseUrl}${request.path}`,
		headers,
		qs: request.qs,
		body: request.body,
		json: !isForm && !request.binary,
		...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
		returnFullResponse: true,
		timeout: session.timeoutMs,
		// Keep 401 as an error so n8n's OAuth2 refresh-on-401 still runs (plain `true` disables it).
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	if (bearer) {
		options.headers = { ...headers, Authorization: `Bearer ${bearer}` };
		return (await ctx.helpers.httpRequest(options)) as IN8nHttpFullResponse;
	}
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		session.credentialType,
		options,
	)) as IN8nHttpFullResponse;
}

function tokenKind(session: AuthSession, bearer: string | undefined): 'privateIntegration' | 'oauth' | 'location' {
	if (bearer) return 'location';
	return session.credentialType === 'goHighLevelPrivateIntegrationApi' ? 'privateIntegration' : 'oauth';
}

/**
 * The one way this package talks to HighLevel: Version header, a timeout, pacing from the
 * rate-limit headers, bounded retries that never resend a write that may have been applied, a
 * refused location token exchanged again once, and errors that say what failed (the network, the
 * token refresh, the token, HighLevel) with HighLevel's message and without any credential.
 */
export async function highLevelRequest(
	ctx: HighLevelContext,
	session: AuthSession,
	request: ApiRequest,
): Promise<ApiResponse> {
	// getNode() deep-copies the node; only a failure needs it.
	const node = () => ctx.getNode();
	const key = pacingKey(session, request);
	const idempotent = isIdempotent(request.method, request.idempotent);
	let bearer = request.bearer;
	const secrets = () => (bearer ? [...session.secrets, bearer, request.bearer ?? ''] : session.secrets);
	if (!bearer && session.credentialType === 'goHighLevelOAuth2Api' && !session.connected) throw notConnectedError(node(), request.itemIndex);
	let firstRateLimitedAt: number | undefined;
	let serverErrors = 0;
	let attempts = 0;
	let renewedBearer = false;
	const failure = (status: number, body: unknown, notRetriedWrite = false) =>
		apiError(
			node(),
			{ status, body, method: request.method, path: request.template, scopes: request.scopes, locationId: request.locationId, itemIndex: request.itemIndex, attempts, notRetriedWrite, token: tokenKind(session, bearer) },
			secrets(),
		);

	for (;;) {
		for (let wait = sharedPacer.reserve(key); wait > 0; wait = sharedPacer.reserve(key)) await sleep(wait);
		attempts++;
		const sentAt = Date.now();
		let response: IN8nHttpFullResponse;
		try {
			response = await send(ctx, session, request, bearer);
		} catch (caught) {
			// No answer, or none the pacer can read: a request left the budget all the same.
			sharedPacer.observe(key, {}, Date.now());
			const thrown = interpret(caught as ErrorLike);
			switch (thrown.kind) {
				case 'notConnected':
					throw notConnectedError(node(), request.itemIndex);
				case 'refreshRefused':
					throw refreshRefusedError(node(), { status: thrown.status, reason: thrown.reason, itemIndex: request.itemIndex }, secrets());
				case 'tokenEndpoint':
					// The request was refused (401) before the refresh failed: resending it is safe, even a write.
					if (serverErrors < MAX_SERVER_ERROR_RETRIES) {
						serverErrors++;
						await sleep(backoffDelay(serverErrors));
						continue;
					}
					throw tokenEndpointError(node(), { status: thrown.status, body: thrown.body, attempts, itemIndex: request.itemIndex }, secrets());
				case 'http': {
					const said = highLevelMessage(thrown.body) ?? '';
					// A refused location token (revoked, reinstalled app) is exchanged again once; a
					// scope or token-type refusal would only be refused again.
					if (thrown.status === 401 && bearer && request.locationId && !renewedBearer && !/scope|type|IAM/i.test(said)) {
						renewedBearer = true;
						bearer = await renewLocationToken(ctx, session, request.locationId, bearer, request.itemIndex ?? 0);
						continue;
					}
					throw failure(thrown.status, thrown.body);
				}
				case 'network': {
					const outcome = classifyNetworkError(thrown.code, thrown.message) ?? (thrown.timedOut ? 'maybe-processed' : undefined);
					const retryable = outcome === 'never-sent' || (outcome === 'maybe-processed' && idempotent);
					if (retryable && serverErrors < MAX_SERVER_ERROR_RETRIES) {
						serverErrors++;
						await sleep(backoffDelay(serverErrors));
						continue;
					}
					throw networkError(
						node(),
						{
							code: thrown.code,
							message: thrown.message,
							method: request.method,
							path: request.template,
							itemIndex: request.itemIndex,
							notRetriedWrite: outcome === 'maybe-processed' && !idempotent,
							attempts,
							timeoutMs: thrown.timedOut ? session.timeoutMs : undefined,
						},
						secrets(),
					);
				}
			}
		}

		const headers = (response.headers ?? {}) as IDataObject;
		const limits = parseRateLimitHeaders(headers);
		sharedPacer.observe(key, limits, Date.now(), sentAt);
		const status = response.statusCode;

		// Waiting out a spent daily budget would take hours: fail at once instead.
		const dailySpent = limits.dailyRemaining === 0;
		if (status === 429 && !dailySpent && sharedPacer.mayRetryRateLimited(key, (firstRateLimitedAt ??= Date.now()))) {
			// A 429 is refused before processing, so even a create is safe to resend.
			await sleep(sharedPacer.backoffAfter429(key, limits));
			continue;
		}
		if (status >= 500 && idempotent && serverErrors < MAX_SERVER_ERROR_RETRIES) {
			serverErrors++;
			await sleep(backoffDelay(serverErrors));
			continue;
		}
		if (status >= 400) throw failure(status, jsonIfBytes(response.body), status >= 500 && !idempotent);
		return { statusCode: status, headers, body: response.body };
	}
}
