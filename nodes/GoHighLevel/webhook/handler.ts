// The request handling of the GoHighLevel Webhook Trigger.
//
// Refusals and ignored events are answered by the node itself (`noWebhookResponse`) and return no
// workflow data, so n8n starts no execution for them. Accepted deliveries return the payload as one
// item and n8n answers 200 as soon as the execution starts (response mode "onReceived").
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SOURCE_WORKFLOW } from './description';
import { UNTYPED_EVENT } from './events';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_RSA_PUBLIC_KEY, InvalidPublicKeyError, parsePublicKey } from './keys';
import type { KeyKind } from './keys';
import { DEFAULT_MAX_AGE_SECONDS, claimDelivery, clampRemembered, deliveryKey, fingerprint, parseTimestamp } from './replay';
import type { SignatureKeys } from './verify';
import { checkSignature, secretsEqual, singleHeader } from './verify';

interface MarketplaceOptions {
	acceptLegacySignature?: boolean;
	ed25519PublicKey?: string;
	rsaPublicKey?: string;
	maxAgeSeconds?: number;
	rememberedDeliveries?: number;
}

type Request = ReturnType<IWebhookFunctions['getRequestObject']>;

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Answers the request directly with a small JSON body; no execution is started. */
function reply(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = context.getResponseObject();
	const body = JSON.stringify({ message });
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.setHeader('Content-Length', Buffer.byteLength(body));
	res.end(body);
	return { noWebhookResponse: true };
}

/**
 * The body exactly as received. n8n keeps it as `rawBody` (a Buffer) after parsing the JSON; when a
 * server has not read it yet, `readRawBody()` does. Only when neither exists is the parsed body
 * serialised again, which HighLevel's own SDK also does and which matches HighLevel's compact JSON.
 */
async function rawBodyOf(req: Request): Promise<Buffer | undefined> {
	const current = req.rawBody as Buffer | string | undefined;
	if (current === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	const raw = req.rawBody as Buffer | string | undefined;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	if (isPlainObject(req.body) && Object.keys(req.body).length > 0) return Buffer.from(JSON.stringify(req.body), 'utf8');
	return undefined;
}

function keyFrom(context: IWebhookFunctions, override: string | undefined, fallback: string, kind: KeyKind, label: string) {
	const text = override && override.trim() !== '' ? override : fallback;
	try {
		return parsePublicKey(text, kind);
	} catch (error) {
		const reason = error instanceof InvalidPublicKeyError ? error.message : 'it could not be read';
		throw new NodeOperationError(context.getNode(), `The ${label} in the node's options is not usable: ${reason}`, {
			description: 'Paste the PEM block HighLevel publishes (-----BEGIN PUBLIC KEY----- …), or clear the field to use the built-in key.',
		});
	}
}

function signatureKeys(context: IWebhookFunctions, options: MarketplaceOptions): SignatureKeys {
	return {
		ed25519: keyFrom(context, options.ed25519PublicKey, HIGHLEVEL_ED25519_PUBLIC_KEY, 'ed25519', 'Ed25519 Public Key'),
		rsa:
			options.acceptLegacySignature === false
				? undefined
				: keyFrom(context, options.rsaPublicKey, HIGHLEVEL_RSA_PUBLIC_KEY, 'rsa', 'RSA Public Key'),
	};
}

/** The location a delivery belongs to: `locationId`, or the location an invoice-style `altId` names. */
function locationOf(payload: IDataObject): string | undefined {
	for (const candidate of [payload.locationId, payload.location_id]) {
		if (typeof candidate === 'string' && candidate !== '') return candidate;
	}
	if (payload.altType === 'location' && typeof payload.altId === 'string') return payload.altId;
	if (isPlainObject(payload.location) && typeof payload.location.id === 'string') return payload.location.id;
	return undefined;
}

function listParameter(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

async function marketplaceDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = context.getNodeParameter('options', {}) as MarketplaceOptions;
	const keys = signatureKeys(context, options);
	const req = context.getRequestObject();
	const raw = await rawBodyOf(req);
	if (!raw || raw.length === 0) return reply(context, 401, 'Unsigned or empty request: expected a signed HighLevel webhook');

	const signature = checkSignature(req.headers, raw, keys);
	if (!signature.ok) {
		return reply(
			context,
			401,
			signature.reason === 'missing' ? 'Missing HighLevel webhook signature' : 'Invalid HighLevel webhook signature',
		);
	}

	let payload: unknown;
	try {
		payload = JSON.parse(raw.toString('utf8'));
	} catch {
		return reply(context, 400, 'The body is not JSON');
	}
	if (!isPlainObject(payload)) return reply(context, 400, 'The body is not a JSON object');

	const maxAgeSeconds = typeof options.maxAgeSeconds === 'number' ? options.maxAgeSeconds : DEFAULT_MAX_AGE_SECONDS;
	const sentAt = parseTimestamp(payload.timestamp);
	if (maxAgeSeconds > 0) {
		if (sentAt === undefined) return reply(context, 401, 'The delivery has no usable timestamp');
		if (Math.abs(Date.now() - sentAt) > maxAgeSeconds * 1000) {
			return reply(context, 401, 'The delivery timestamp is outside the accepted window');
		}
	}

	const events = listParameter(context.getNodeParameter('events', []));
	if (events.length > 0) {
		const type = typeof payload.type === 'string' && payload.type !== '' ? payload.type : UNTYPED_EVENT;
		if (!events.includes(type)) return reply(context, 200, 'Event type not selected in the trigger; ignored');
	}
	const locations = listParameter(context.getNodeParameter('locationIds', ''));
	if (locations.length > 0) {
		const location = locationOf(payload);
		if (location === undefined || !locations.includes(location)) {
			return reply(context, 200, 'Location not selected in the trigger; ignored');
		}
	}

	// Read-only here: n8n does not keep static data changed by webhook(); the execution step records it.
	const scope = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	const print = fingerprint(deliveryKey(payload));
	const capacity = clampRemembered(options.rememberedDeliveries);
	const verdict = claimDelivery(context.getWorkflowStaticData('node'), scope, print, sentAt ?? Date.now(), capacity);
	if (verdict === 'seen') return reply(context, 401, 'This delivery was already received');
	if (verdict === 'beyond-memory') {
		return reply(context, 401, 'The delivery is older than the deliveries still remembered (raise Remembered Deliveries)');
	}

	return { workflowData: [context.helpers.returnJsonArray(payload)] };
}

async function workflowDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (context.getNodeParameter('requireSecret', false) as boolean) {
		const name = String(context.getNodeParameter('headerName', '')).trim().toLowerCase();
		const expected = String(context.getNodeParameter('headerValue', ''));
		if (name === '' || expected === '') {
			throw new NodeOperationError(context.getNode(), 'Require Secret Header is on but the header name or value is empty', {
				description: 'Fill in Header Name and Header Value, or turn Require Secret Header off.',
			});
		}
		const received = singleHeader(context.getHeaderData() as Record<string, string | string[] | undefined>, name);
		if (received === undefined || !secretsEqual(received, expected)) {
			return reply(context, 401, 'Missing or wrong secret header');
		}
	}
	const body: unknown = context.getBodyData();
	let json: IDataObject = {};
	if (isPlainObject(body)) json = body;
	else if (body !== undefined && body !== null && body !== '') json = { body: body as IDataObject };
	return { workflowData: [context.helpers.returnJsonArray(json)] };
}

export async function handleWebhook(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const source = context.getNodeParameter('source', '') as string;
	return source === SOURCE_WORKFLOW ? await workflowDelivery(context) : await marketplaceDelivery(context);
}
