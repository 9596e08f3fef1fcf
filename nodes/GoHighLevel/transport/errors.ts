import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Removes anything that looks like a credential from text shown to users or logged. */
export function redact(text: string, secrets: string[] = []): string {
	let out = text.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]');
	out = out.replace(/\bpit-[A-Za-z0-9-]+/g, '[redacted]');
	out = out.replace(/("?(?:access_token|refresh_token|client_secret|token)"?\s*[:=]\s*"?)[^"&,\s}]+/gi, '$1[redacted]');
	for (const secret of secrets) {
		if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
	}
	return out;
}

/** HighLevel answers `{statusCode, message, error}`; `message` is an array on 422. */
export function highLevelMessage(body: unknown): string | undefined {
	if (typeof body === 'string' && /^\s*[{[]/.test(body)) {
		// Some paths (n8n's OAuth2 client) hand over the answer unparsed.
		try {
			return highLevelMessage(JSON.parse(body));
		} catch {
			return body;
		}
	}
	if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined;
	const b = body as Record<string, unknown>;
	const message = b.message ?? b.error_description ?? b.msg ?? b.error;
	if (Array.isArray(message)) return message.map(String).join('; ');
	if (typeof message === 'string') return message;
	return undefined;
}

export interface ApiFailure {
	status: number;
	body: unknown;
	method: string;
	/** Path template of the operation (no ids, no query). */
	path: string;
	scopes?: string[];
	locationId?: string;
	attempts?: number;
	itemIndex?: number;
	/** Set when the request was not resent because it may have been applied. */
	notRetriedWrite?: boolean;
	/** Which token HighLevel judged: the credential's own, or a location token minted from it. */
	token?: 'privateIntegration' | 'oauth' | 'location';
}

function hintFor(f: ApiFailure, message: string): string {
	const scopes = f.scopes?.length ? f.scopes.join(', ') : undefined;
	switch (true) {
		case f.status === 401 && /scope/i.test(message):
			return scopes
				? `This operation needs the scope ${scopes}. Enable it for your marketplace app or Private Integration, then reconnect the credential (OAuth2) or use the updated token.`
				: 'The token lacks a scope this operation needs. Enable it for your marketplace app or Private Integration and reconnect the credential.';
		case f.status === 401 && /type|IAM|not yet supported/i.test(message):
			return 'This endpoint needs a different token type (agency vs sub-account). Check "Token Type" on the credential.';
		case f.status === 401 && f.token === 'location':
			return `HighLevel refused the location token for location ${f.locationId ?? ''} again after a fresh exchange: the app is probably no longer installed on that sub-account, or the agency's access was revoked. Reinstall the app on the location (or pick another Location), then reconnect the credential.`;
		case f.status === 401 && f.token === 'privateIntegration':
			return 'HighLevel rejected the Private Integration token: it was rotated, deleted or mistyped. Paste the current token into the credential.';
		case f.status === 401 && f.token === 'oauth':
			return 'HighLevel rejected the access token even after refreshing it: the app was uninstalled or its access revoked. Reconnect the OAuth2 credential.';
		case f.status === 401:
			return 'HighLevel rejected the token. Reconnect the OAuth2 credential, or check that the Private Integration token was not rotated or deleted.';
		case f.status === 403 && /location/i.test(message):
			return `The token cannot access location ${f.locationId ?? ''}. Use a token of that sub-account, or an agency token with the Location chosen in the node.`.replace('  ', ' ');
		case f.status === 403:
			return scopes ? `HighLevel refused the request. It needs the scope ${scopes}.` : 'HighLevel refused the request for this token.';
		case f.status === 404:
			return 'HighLevel found no such record. Check the ID (and that it belongs to this location).';
		case f.status === 422:
			return 'HighLevel rejected some fields; the message names them.';
		case f.status === 429:
			return `HighLevel's rate limit was still exceeded after ${f.attempts ?? 0} attempts. Lower the workflow's concurrency or spread the work over time.`;
		case f.status >= 500 && Boolean(f.notRetriedWrite):
			return 'HighLevel had a server error after the request was sent. It was not resent, because the change may already have been applied; check the record before retrying.';
		case f.status >= 500:
			return `HighLevel had a server error${f.attempts && f.attempts > 1 ? ` on ${f.attempts} attempts` : ''}. Try again later.`;
		default:
			return '';
	}
}

/** A NodeApiError carrying HighLevel's message, the HTTP status and a hint; never a token. */
export function apiError(node: INode, failure: ApiFailure, secrets: string[] = []): NodeApiError {
	const raw = highLevelMessage(failure.body) ?? `HTTP ${failure.status}`;
	const message = redact(raw, secrets);
	const hint = hintFor(failure, message);
	const errorResponse: JsonObject = {
		statusCode: failure.status,
		message,
		request: `${failure.method} ${failure.path}`,
	};
	return new NodeApiError(node, errorResponse, {
		message: `HighLevel: ${message} [${failure.status}]`,
		description: [hint, `Request: ${failure.method} ${failure.path}`].filter(Boolean).join(' '),
		httpCode: String(failure.status),
		itemIndex: failure.itemIndex,
	});
}

/** The OAuth2 credential holds no token: it was saved without "Connect my account". */
export function notConnectedError(node: INode, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, 'The OAuth2 credential is not connected to HighLevel', {
		itemIndex,
		description: 'Open the credential and click "Connect my account" to install the app and obtain a token. Nothing was sent to HighLevel.',
	});
}

/** HighLevel's token endpoint refused to refresh the access token (e.g. a rotated refresh token). */
export function refreshRefusedError(node: INode, detail: { status?: number; reason?: string; itemIndex?: number }, secrets: string[] = []): NodeApiError {
	const reason = detail.reason ? redact(detail.reason, secrets) : 'the refresh token is no longer valid';
	const status = detail.status ?? 400;
	return new NodeApiError(
		node,
		{ message: reason, statusCode: status, request: 'POST /oauth/token' },
		{
			message: `HighLevel refused to refresh the OAuth2 token: ${reason} [${status}]`,
			description:
				'The refresh token was rotated, revoked or expired (the credential was reconnected elsewhere, the app was uninstalled, or it went unused for a long time). Reconnect the credential. The request was not applied.',
			httpCode: String(status),
			itemIndex: detail.itemIndex,
		},
	);
}

/** HighLevel's token endpoint kept failing (5xx) while the expired access token was being refreshed. */
export function tokenEndpointError(node: INode, detail: { status: number; body: unknown; attempts: number; itemIndex?: number }, secrets: string[] = []): NodeApiError {
	const said = redact(highLevelMessage(detail.body) ?? `HTTP ${detail.status}`, secrets);
	return new NodeApiError(
		node,
		{ message: said, statusCode: detail.status, request: 'POST /oauth/token' },
		{
			message: `HighLevel could not refresh the OAuth2 token: its token service had a server error (${said}) [${detail.status}]`,
			description: `HighLevel's token service failed on ${detail.attempts} attempt${detail.attempts === 1 ? '' : 's'}. The request itself was refused before it was applied, so nothing changed; try again later. The credential is still connected.`,
			httpCode: String(detail.status),
			itemIndex: detail.itemIndex,
		},
	);
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request was aborted',
	EPIPE: 'the connection broke',
	ENOTFOUND: 'the host was not found',
	EAI_AGAIN: 'the host name could not be resolved',
};

function describeNetworkCode(code: string | undefined, message: string): string {
	if (code && NETWORK_WORDS[code]) return NETWORK_WORDS[code];
	const known = Object.keys(NETWORK_WORDS).find((c) => message.includes(c));
	if (known) return NETWORK_WORDS[known];
	return /socket hang up/i.test(message) ? 'the connection was closed' : 'no answer';
}

/** A network failure (no HTTP answer). */
export function networkError(
	node: INode,
	detail: {
		code?: string;
		message: string;
		method: string;
		path: string;
		itemIndex?: number;
		notRetriedWrite?: boolean;
		attempts?: number;
		/** Set when the request got no answer within the Timeout option. */
		timeoutMs?: number;
	},
	secrets: string[] = [],
): NodeApiError {
	const attempts = detail.attempts && detail.attempts > 1 ? ` on ${detail.attempts} attempts` : '';
	if (detail.timeoutMs !== undefined) {
		const seconds = `${Math.round(detail.timeoutMs / 100) / 10} s`;
		const hint = detail.notRetriedWrite
			? `The request was sent, but HighLevel did not answer within the Timeout (${seconds}). It was not resent, because the change may have been applied; check the record before retrying.`
			: `HighLevel did not answer within the Timeout (${seconds})${attempts}. Try again later, or raise "Timeout (Seconds)" under Request Options.`;
		return new NodeApiError(
			node,
			{ message: `no answer within ${seconds}`, request: `${detail.method} ${detail.path}` },
			{
				message: `HighLevel: timed out (no answer within ${seconds})${detail.notRetriedWrite ? ', the change may have been applied' : ''}`,
				description: `${hint} Request: ${detail.method} ${detail.path}`,
				itemIndex: detail.itemIndex,
			},
		);
	}
	// n8n rewrites messages that contain raw codes such as ECONNRESET, so the code goes in words.
	const what = describeNetworkCode(detail.code, redact(detail.message, secrets));
	const hint = detail.notRetriedWrite
		? 'The connection broke after the request was sent. It was not resent, because the change may already have been applied; check the record before retrying.'
		: `HighLevel could not be reached${detail.attempts && detail.attempts > 1 ? ` after ${detail.attempts} attempts` : ''}. Check the network between n8n and HighLevel (proxy, DNS, firewall).`;
	return new NodeApiError(
		node,
		{ message: what, request: `${detail.method} ${detail.path}` },
		{
			message: `HighLevel: connection failed (${what})`,
			description: `${hint} Request: ${detail.method} ${detail.path}`,
			itemIndex: detail.itemIndex,
		},
	);
}
