// A stand-in for HighLevel's webhook sender: signs marketplace-app events the way HighLevel does
// (x-ghl-signature = Ed25519, x-wh-signature = RSA-SHA256, both base64 over the exact body bytes)
// with key pairs generated at runtime, and POSTs them to a URL, optionally broken on purpose
// (tampered body, wrong key, no signature, stale timestamp, replays).
//
// In process: `sandboxWebhookSigner()` / `sendWebhook()` / `sendWebhookBurst()`.
// Over HTTP (any sandbox server, e.g. `npm run sandbox`), for end-to-end runs against a real n8n:
//   GET  /__sandbox/webhooks/keys   → { ed25519PublicKeyPem, rsaPublicKeyPem } to paste into the node
//   POST /__sandbox/webhooks/sign   body SendWebhookOptions without url → { body, headers, event }
//   POST /__sandbox/webhooks/send   body SendWebhookOptions → SendWebhookResult
//   POST /__sandbox/webhooks/burst  body BurstOptions → BurstResult
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import { DEMO } from './demo';
import { isPlainObject } from './util';

export type SignatureScheme = 'both' | 'ed25519' | 'rsa' | 'none';

interface KeyPair {
	publicKeyPem: string;
	privateKey: KeyObject;
}

function ed25519Pair(): KeyPair {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

function rsaPair(): KeyPair {
	// HighLevel's key is 4096-bit; 2048 keeps key generation fast and exercises the same code path.
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** One Ed25519 and one RSA key pair, generated when constructed. */
export class WebhookSigner {
	private readonly ed25519 = ed25519Pair();

	private readonly rsa = rsaPair();

	get ed25519PublicKeyPem(): string {
		return this.ed25519.publicKeyPem;
	}

	get rsaPublicKeyPem(): string {
		return this.rsa.publicKeyPem;
	}

	/** The signature headers for these exact bytes. */
	signatureHeaders(body: Buffer, scheme: SignatureScheme = 'both'): Record<string, string> {
		const headers: Record<string, string> = {};
		if (scheme === 'both' || scheme === 'ed25519') headers['x-ghl-signature'] = sign(null, body, this.ed25519.privateKey).toString('base64');
		if (scheme === 'both' || scheme === 'rsa') headers['x-wh-signature'] = sign('sha256', body, this.rsa.privateKey).toString('base64');
		return headers;
	}
}

let processSigner: WebhookSigner | undefined;
let otherSigner: WebhookSigner | undefined;

/** The signer of this process (what `/__sandbox/webhooks/*` uses); generated on first use. */
export function sandboxWebhookSigner(): WebhookSigner {
	processSigner ??= new WebhookSigner();
	return processSigner;
}

/** A second, unrelated key pair: signatures that are well-formed but not the sandbox's. */
function wrongSigner(): WebhookSigner {
	otherSigner ??= new WebhookSigner();
	return otherSigner;
}

export interface SignWebhookOptions {
	/**
	 * The event. Absent fields are filled in: `type` 'ContactCreate', `locationId` DEMO.locationId,
	 * `id`, `webhookId` (a new UUID) and `timestamp` (now, ISO 8601). A field set to undefined stays
	 * out of the body.
	 */
	event?: Record<string, unknown>;
	/** Exact body text to sign and send instead of the serialised event (e.g. with odd spacing). */
	rawBody?: string;
	/** Which signature headers to send (default 'both'; 'none' = unsigned, like a workflow action). */
	signatures?: SignatureScheme;
	/** Sign with a different key pair than the sandbox's (what an attacker without HighLevel's key can do). */
	wrongKey?: boolean;
	/** Sign the body, then change one byte of the body that is sent. */
	tamper?: boolean;
	/** Added to the filled-in timestamp (e.g. -600 for a delivery ten minutes old). */
	timestampOffsetSeconds?: number;
	/** Leave out `timestamp` / `webhookId` instead of filling them in. */
	omitTimestamp?: boolean;
	omitWebhookId?: boolean;
	/** Extra request headers (e.g. a workflow action's secret header). */
	headers?: Record<string, string>;
}

export interface SignedWebhook {
	/** The event as sent (after filling in defaults). */
	event: Record<string, unknown>;
	/** The exact body text sent. */
	body: string;
	/** Every request header to send, content type included. */
	headers: Record<string, string>;
}

/** Builds the request HighLevel would send (or a deliberately broken one) without sending it. */
export function signWebhook(options: SignWebhookOptions = {}, signer: WebhookSigner = sandboxWebhookSigner()): SignedWebhook {
	// Defaults fill only absent fields: `{ type: undefined }` sends an event without a type.
	const event: Record<string, unknown> = { ...(options.event ?? {}) };
	const fill = (name: string, value: () => unknown) => {
		if (!(name in event)) event[name] = value();
	};
	fill('type', () => 'ContactCreate');
	fill('locationId', () => DEMO.locationId);
	fill('id', () => randomUUID().replace(/-/g, '').slice(0, 20));
	if (options.omitWebhookId) delete event.webhookId;
	else fill('webhookId', () => randomUUID());
	if (options.omitTimestamp) delete event.timestamp;
	else fill('timestamp', () => new Date(Date.now() + (options.timestampOffsetSeconds ?? 0) * 1000).toISOString());

	const text = options.rawBody ?? JSON.stringify(event);
	const signed = Buffer.from(text, 'utf8');
	const signatures = (options.wrongKey ? wrongSigner() : signer).signatureHeaders(signed, options.signatures ?? 'both');
	// Tampering keeps the body valid JSON (one more field) so only the signature can catch it.
	const sent = options.tamper ? (/\}\s*$/.test(text) ? text.replace(/\}\s*$/, ',"tampered":true}') : `${text} `) : text;
	return {
		event,
		body: sent,
		headers: { 'content-type': 'application/json', ...signatures, ...(options.headers ?? {}) },
	};
}

export interface SendWebhookOptions extends SignWebhookOptions {
	/** Where to POST (e.g. the trigger's production or test webhook URL). */
	url: string;
	/** Send the identical request this many more times after the first (sequentially). Default 0. */
	replay?: number;
}

export interface Delivery {
	status: number;
	body: string;
}

export interface SendWebhookResult extends SignedWebhook {
	/** One entry per request sent: the first delivery, then each replay. */
	deliveries: Delivery[];
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Delivery> {
	const response = await fetch(url, { method: 'POST', body, headers });
	return { status: response.status, body: await response.text() };
}

/** Signs an event and POSTs it to `options.url` (plus `replay` identical copies). */
export async function sendWebhook(options: SendWebhookOptions, signer: WebhookSigner = sandboxWebhookSigner()): Promise<SendWebhookResult> {
	const signed = signWebhook(options, signer);
	const deliveries: Delivery[] = [];
	const copies = 1 + Math.max(0, Math.floor(options.replay ?? 0));
	for (let i = 0; i < copies; i++) deliveries.push(await post(options.url, signed.body, signed.headers));
	return { ...signed, deliveries };
}

export interface BurstOptions {
	url: string;
	/** Requests in total (default 1000). */
	count?: number;
	/** Distinct events among them (default count / 2); the rest repeat earlier events byte for byte. */
	distinct?: number;
	/** Requests in flight at once (default 50). */
	concurrency?: number;
	/** Fields merged into every event (e.g. `type`, `locationId`). */
	event?: Record<string, unknown>;
	signatures?: SignatureScheme;
	/** Seed of the shuffle that places the duplicates (default 1). */
	seed?: number;
}

export interface BurstResult {
	sent: number;
	distinct: number;
	/** How many requests got each status, e.g. { "200": 500, "401": 500 }. */
	statuses: Record<string, number>;
	/** webhookIds of the distinct events, in creation order. */
	webhookIds: string[];
}

/**
 * `count` deliveries of `distinct` signed events, duplicates mixed in at seeded-random places and
 * sent `concurrency` at a time: what a burst with retries or replays looks like to a receiver.
 */
export async function sendWebhookBurst(options: BurstOptions, signer: WebhookSigner = sandboxWebhookSigner()): Promise<BurstResult> {
	const count = Math.max(1, Math.floor(options.count ?? 1000));
	const distinct = Math.min(count, Math.max(1, Math.floor(options.distinct ?? count / 2)));
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 50));
	const events = Array.from({ length: distinct }, (_, i) =>
		signWebhook({ event: { ...(options.event ?? {}), sequence: i }, signatures: options.signatures }, signer),
	);
	// Every event once, then random repeats; shuffled with a seeded PRNG (mulberry32).
	let state = (options.seed ?? 1) >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const order = [...events.keys()];
	while (order.length < count) order.push(Math.floor(random() * distinct));
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const statuses: Record<string, number> = {};
	let next = 0;
	const worker = async () => {
		while (next < order.length) {
			const signed = events[order[next++]];
			const { status } = await post(options.url, signed.body, signed.headers);
			statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return { sent: count, distinct, statuses, webhookIds: events.map((e) => String(e.event.webhookId)) };
}

export interface WebhookAdminAnswer {
	status: number;
	body: unknown;
}

function badRequest(message: string): WebhookAdminAnswer {
	return { status: 400, body: { statusCode: 400, message } };
}

function targetUrl(json: Record<string, unknown>): string | undefined {
	if (typeof json.url !== 'string') return undefined;
	try {
		const url = new URL(json.url);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
	} catch {
		return undefined;
	}
}

/** The `/__sandbox/webhooks/*` admin routes (see the file comment). */
export async function handleWebhookAdmin(method: string, path: string, body: unknown): Promise<WebhookAdminAnswer> {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	const json = isPlainObject(body) ? body : {};
	try {
		switch (route) {
			case 'GET /__sandbox/webhooks/keys': {
				const signer = sandboxWebhookSigner();
				return { status: 200, body: { ed25519PublicKeyPem: signer.ed25519PublicKeyPem, rsaPublicKeyPem: signer.rsaPublicKeyPem } };
			}
			case 'POST /__sandbox/webhooks/sign':
				return { status: 200, body: signWebhook(json as SignWebhookOptions) };
			case 'POST /__sandbox/webhooks/send': {
				const url = targetUrl(json);
				if (!url) return badRequest('url must be an http(s) URL');
				return { status: 200, body: await sendWebhook({ ...(json as unknown as SendWebhookOptions), url }) };
			}
			case 'POST /__sandbox/webhooks/burst': {
				const url = targetUrl(json);
				if (!url) return badRequest('url must be an http(s) URL');
				return { status: 200, body: await sendWebhookBurst({ ...(json as unknown as BurstOptions), url }) };
			}
			default:
				return { status: 404, body: { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' } };
		}
	} catch (error) {
		return { status: 502, body: { statusCode: 502, message: `Sending the webhook failed: ${(error as Error).message}` } };
	}
}
