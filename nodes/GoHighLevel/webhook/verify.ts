// Signature checks for HighLevel webhook deliveries, over the exact bytes received.
import { createHash, timingSafeEqual, verify } from 'crypto';
import type { KeyObject } from 'crypto';

export const ED25519_HEADER = 'x-ghl-signature';
export const RSA_HEADER = 'x-wh-signature';

export interface SignatureKeys {
	ed25519: KeyObject;
	/** Undefined when the legacy header is not accepted. */
	rsa?: KeyObject;
}

export type SignatureOutcome =
	| { ok: true; scheme: 'ed25519' | 'rsa' }
	| { ok: false; reason: 'missing' | 'invalid' };

/** A header's value as one string (repeated headers are not a valid signature). */
export function singleHeader(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	const value = headers[name];
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Standard or URL-safe base64, with or without padding; undefined when it is not base64. */
function decodeBase64(text: string): Buffer | undefined {
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
	return bytes.length > 0 ? bytes : undefined;
}

function verifyEd25519(body: Buffer, signature: string, key: KeyObject): boolean {
	const bytes = decodeBase64(signature);
	if (!bytes || bytes.length !== 64) return false;
	try {
		return verify(null, body, key, bytes);
	} catch {
		return false;
	}
}

function verifyRsa(body: Buffer, signature: string, key: KeyObject): boolean {
	const bytes = decodeBase64(signature);
	if (!bytes) return false;
	try {
		return verify('sha256', body, key, bytes);
	} catch {
		return false;
	}
}

/**
 * Checks the delivery's signatures against the raw body. `x-ghl-signature` (Ed25519) is HighLevel's
 * current scheme and `x-wh-signature` (RSA-SHA256) the legacy one; HighLevel sends both during the
 * transition. The delivery is authentic when a signature that is present verifies against its
 * key: both keys are HighLevel's, so either one proves the origin, and a bad Ed25519 key (rotated,
 * or mistyped in an override) does not reject deliveries the legacy key still proves.
 */
export function checkSignature(
	headers: Record<string, string | string[] | undefined>,
	body: Buffer,
	keys: SignatureKeys,
): SignatureOutcome {
	const ed25519 = singleHeader(headers, ED25519_HEADER);
	const rsa = keys.rsa ? singleHeader(headers, RSA_HEADER) : undefined;
	if (ed25519 === undefined && rsa === undefined) return { ok: false, reason: 'missing' };
	if (ed25519 !== undefined && verifyEd25519(body, ed25519, keys.ed25519)) return { ok: true, scheme: 'ed25519' };
	if (rsa !== undefined && keys.rsa && verifyRsa(body, rsa, keys.rsa)) return { ok: true, scheme: 'rsa' };
	return { ok: false, reason: 'invalid' };
}

/**
 * Constant-time equality of two secrets of any length: both are hashed first, so neither the
 * comparison time nor an early length check reveals how much of the expected value matched.
 */
export function secretsEqual(received: string, expected: string): boolean {
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}
