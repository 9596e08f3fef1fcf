/** Retry policy of the transport: bounded, with exponential backoff and jitter (429s: rateLimit.ts, bounded by time). */
export const MAX_SERVER_ERROR_RETRIES = 3;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

/** Network failures after which the server may or may not have processed the request. */
const MAYBE_PROCESSED_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);
/** Network failures where the request never reached the server: always safe to resend. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type NetworkFailure = 'never-sent' | 'maybe-processed';

export function classifyNetworkError(code: string | undefined, message: string): NetworkFailure | undefined {
	if (code && NEVER_SENT_CODES.has(code)) return 'never-sent';
	if (code && MAYBE_PROCESSED_CODES.has(code)) return 'maybe-processed';
	if (/socket hang up|ECONNRESET|timeout/i.test(message)) return 'maybe-processed';
	if (/ECONNREFUSED/.test(message)) return 'never-sent';
	return undefined;
}

export function isIdempotent(method: string, declaredIdempotent?: boolean): boolean {
	if (declaredIdempotent !== undefined) return declaredIdempotent;
	return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

/** Delay before retry number `attempt` (1-based): exponential with ±25 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(base * (0.75 + random() * 0.5));
}
