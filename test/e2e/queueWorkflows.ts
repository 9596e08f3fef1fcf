// Workflows of the queue-mode suite. Executions reach the workers through production webhooks (the
// way queue mode runs work) and through the polling trigger on main.
import type { IDataObject } from 'n8n-workflow';

import { PACKAGE_NAME } from '../../scripts/n8n/package';

/** Production path of an n8n Webhook node: POST <process>/webhook/<path>. */
export const OAUTH_PATH = 'queue-oauth-list';
/** The GoHighLevel Webhook Trigger's path: POST <process>/webhook/<webhookId>/gohighlevel. */
export const SIGNED_WEBHOOK_ID = '6e0d9b8c-1f2a-4b3c-8d4e-5f6a7b8c9d01';

function webhookStart(id: string, path: string, webhookId: string): IDataObject {
	return {
		id: `${id}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		// Answer at once: the caller must not hold the execution open.
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** POST {contacts: [{email}, ...]} to `path` → one contact create per entry (a burst of writes on one location). */
export function pacingWorkflow(id: string, path: string, webhookId: string, credential: { id: string; name: string }): IDataObject {
	return {
		id,
		name: `Queue: creates from a webhook (${path})`,
		active: false,
		nodes: [
			webhookStart(id, path, webhookId),
			{ id: `${id}-split`, name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.contacts', options: {} } },
			{
				id: `${id}-create`,
				name: 'Create contact',
				type: `${PACKAGE_NAME}.goHighLevel`,
				typeVersion: 1,
				position: [440, 0],
				parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'create', email: '={{ $json.email }}', additionalFields: {} },
				credentials: { goHighLevelPrivateIntegrationApi: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Split', type: 'main', index: 0 }]] }, Split: { main: [[{ node: 'Create contact', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Any POST → one contact list through the OAuth2 credential (whose access token the sandbox expires quickly). */
export function oauthWorkflow(id: string, credential: { id: string; name: string }): IDataObject {
	return {
		id,
		name: 'Queue: list contacts with OAuth2',
		active: false,
		nodes: [
			webhookStart(id, OAUTH_PATH, '6e0d9b8c-1f2a-4b3c-8d4e-5f6a7b8c9d03'),
			{
				id: `${id}-list`,
				name: 'List contacts',
				type: `${PACKAGE_NAME}.goHighLevel`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'list', limit: 1 },
				credentials: { goHighLevelOAuth2Api: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'List contacts', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * HighLevel's signed ContactCreate webhooks, verified with the sandbox's keys; every run that gets
 * past the trigger looks the event's contact up once (GET /contacts/<event id>: the sandbox counts
 * runs per event; it answers 404, which the run tolerates).
 */
export function signedWebhookWorkflow(id: string, keys: { ed25519PublicKeyPem: string; rsaPublicKeyPem: string }, credential: { id: string; name: string }): IDataObject {
	return {
		id,
		name: 'Queue: signed HighLevel webhooks',
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'HighLevel event',
				type: `${PACKAGE_NAME}.goHighLevelWebhookTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: SIGNED_WEBHOOK_ID,
				parameters: { source: 'marketplaceApp', events: ['ContactCreate'], locationIds: '', options: { ed25519PublicKey: keys.ed25519PublicKeyPem, rsaPublicKey: keys.rsaPublicKeyPem } },
			},
			{
				id: `${id}-lookup`,
				name: 'Look up contact',
				type: `${PACKAGE_NAME}.goHighLevel`,
				typeVersion: 1,
				position: [220, 0],
				onError: 'continueRegularOutput',
				parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				credentials: { goHighLevelPrivateIntegrationApi: credential },
			},
		],
		connections: { 'HighLevel event': { main: [[{ node: 'Look up contact', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
