// HighLevel's public keys for marketplace-app webhook signatures, and parsing of user overrides.
//
// These are PUBLIC keys (they only verify; HighLevel signs with the private halves), shipped so the
// trigger works without setup. Each can be replaced in the node (Options → … Public Key) when
// HighLevel rotates it: watch HighLevel's developer announcements.
import { createPublicKey } from 'crypto';
import type { KeyObject } from 'crypto';

/**
 * RSA-4096 key for the legacy `x-wh-signature` header (RSA-SHA256 over the raw body, base64).
 * Source: HighLevel's own documentation repository, GoHighLevel/highlevel-api-docs,
 * docs/oauth/WebhookAuthentication.md ("Webhook Authentication Guide"), copied character for
 * character. HighLevel announced that this header is deprecated from July 1, 2026, after which
 * deliveries carry only `x-ghl-signature`.
 */
export const HIGHLEVEL_RSA_PUBLIC_KEY = [
	'-----BEGIN PUBLIC KEY-----',
	'MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC',
	'Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6',
	'dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB',
	'csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv',
	'uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF',
	'3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU',
	'J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp',
	'IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN',
	'h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC',
	'HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ',
	'PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk',
	'T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==',
	'-----END PUBLIC KEY-----',
].join('\n');

/**
 * Ed25519 key for the current `x-ghl-signature` header (Ed25519 over the raw body, base64).
 * Source: HighLevel's "Webhook Integration Guide"
 * (https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide). The copy of that page
 * available when this was written did not include the key block itself; this value is the one
 * quoted from that guide by several independent public integrations (identical in every copy
 * found). It has NOT been checked against the live page: compare it with the guide and paste the
 * published key into "Ed25519 Public Key" if they differ. Until July 1, 2026 HighLevel also sends
 * the RSA-signed `x-wh-signature`, which is verified against the documented key above, so
 * deliveries keep verifying while both headers are sent.
 */
export const HIGHLEVEL_ED25519_PUBLIC_KEY = [
	'-----BEGIN PUBLIC KEY-----',
	'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=',
	'-----END PUBLIC KEY-----',
].join('\n');

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = '302a300506032b6570032100';

export type KeyKind = 'ed25519' | 'rsa';

export class InvalidPublicKeyError extends Error {}

const cache = new Map<string, KeyObject>();

/**
 * A public key from what a user pasted: a PEM block, the base64 of the DER SubjectPublicKeyInfo
 * (a PEM without its armour lines), or, for Ed25519, the base64 or hex of the raw 32-byte key.
 * Throws InvalidPublicKeyError (whose message never repeats the input) when it is none of those or
 * not of the expected kind.
 */
export function parsePublicKey(text: string, kind: KeyKind): KeyObject {
	const cacheKey = `${kind}\n${text}`;
	const cached = cache.get(cacheKey);
	if (cached) return cached;
	const key = toKeyObject(text.trim(), kind);
	const type = key.asymmetricKeyType;
	if (type !== kind) {
		throw new InvalidPublicKeyError(`expected an ${kind === 'rsa' ? 'RSA' : 'Ed25519'} public key, got ${type ?? 'an unknown key type'}`);
	}
	if (cache.size > 32) cache.clear();
	cache.set(cacheKey, key);
	return key;
}

function toKeyObject(text: string, kind: KeyKind): KeyObject {
	if (text === '') throw new InvalidPublicKeyError('the key is empty');
	const key = tryKeyObject(text, kind);
	if (!key) throw new InvalidPublicKeyError('it is not a PEM public key or a base64 SubjectPublicKeyInfo');
	return key;
}

function tryKeyObject(text: string, kind: KeyKind): KeyObject | undefined {
	try {
		if (text.includes('-----BEGIN')) return createPublicKey({ key: text, format: 'pem' });
		const compact = text.replace(/\s+/g, '');
		if (kind === 'ed25519' && /^[0-9a-f]{64}$/i.test(compact)) {
			return createPublicKey({ key: Buffer.from(ED25519_SPKI_PREFIX + compact, 'hex'), format: 'der', type: 'spki' });
		}
		const der = Buffer.from(compact, 'base64');
		if (kind === 'ed25519' && der.length === 32) {
			return createPublicKey({ key: Buffer.concat([Buffer.from(ED25519_SPKI_PREFIX, 'hex'), der]), format: 'der', type: 'spki' });
		}
		return createPublicKey({ key: der, format: 'der', type: 'spki' });
	} catch {
		return undefined;
	}
}
