import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiError, networkError } from './errors';
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
	cause?: ErrorLike & { response?: { status?: number; data?: unknown }; status?: number };
	response?: { status?: number; data?: unknown };
	context?: IDataObject;
	description?: string | null;
}

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

async function send(ctx: HighLevelContext, session: AuthSession, request: ApiRequest): Promise<IN8nHttpFullResponse> {
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
		// Keep 401 as an error so n8n's OAuth2 refresh-on-401 still runs (plain `true` disables it).
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	if (request.bearer) {
		options.headers = { ...headers, Authorization: `Bearer ${request.bearer}` };
		return (await ctx.helpers.httpRequest(options)) as IN8nHttpFullResponse;
	}
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		session.credentialType,
		options,
	)) as IN8nHttpFullResponse;
}

/**
 * The one way this package talks to HighLevel: Version header, pacing from the rate-limit
 * headers, bounded retries that never resend a write that may have been applied, and errors
 * that carry HighLevel's message without any credential.
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
	const secrets = request.bearer ? [...session.secrets, request.bearer] : session.secrets;
	let firstRateLimitedAt: number | undefined;
	let serverErrors = 0;
	let attempts = 0;

	for (;;) {
		for (let wait = sharedPacer.reserve(key); wait > 0; wait = sharedPacer.reserve(key)) await sleep(wait);
		attempts++;
		let response: IN8nHttpFullResponse;
		try {
			response = await send(ctx, session, request);
		} catch (caught) {
			sharedPacer.observe(key, {}, Date.now());
			const error = caught as ErrorLike;
			const status = statusOf(error);
			if (status !== undefined) {
				throw apiError(
					node(),
					{ status, body: bodyOf(error), method: request.method, path: request.template, scopes: request.scopes, locationId: request.locationId, itemIndex: request.itemIndex, attempts },
					secrets,
				);
			}
			const failure = classifyNetworkError(codeOf(error), String(error.message ?? ''));
			const retryable = failure === 'never-sent' || (failure === 'maybe-processed' && idempotent);
			if (retryable && serverErrors < MAX_SERVER_ERROR_RETRIES) {
				serverErrors++;
				await sleep(backoffDelay(serverErrors));
				continue;
			}
			throw networkError(
				node(),
				{ code: codeOf(error), message: String(error.message ?? 'unknown error'), method: request.method, path: request.template, itemIndex: request.itemIndex, notRetriedWrite: failure === 'maybe-processed' && !idempotent, attempts },
				secrets,
			);
		}

		const headers = (response.headers ?? {}) as IDataObject;
		const limits = parseRateLimitHeaders(headers);
		sharedPacer.observe(key, limits, Date.now());
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
		if (status >= 400) {
			throw apiError(
				node(),
				{ status, body: jsonIfBytes(response.body), method: request.method, path: request.template, scopes: request.scopes, locationId: request.locationId, itemIndex: request.itemIndex, attempts, notRetriedWrite: status >= 500 && !idempotent },
				secrets,
			);
		}
		return { statusCode: status, headers, body: response.body };
	}
}
