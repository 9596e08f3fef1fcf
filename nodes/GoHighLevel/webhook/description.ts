// Editor description of the GoHighLevel Webhook Trigger.
import type { INodeProperties } from 'n8n-workflow';

import { eventOptions } from './events';
import { DEFAULT_MAX_AGE_SECONDS, DEFAULT_REMEMBERED, MAX_REMEMBERED, MIN_REMEMBERED } from './replay';

export const SOURCE_MARKETPLACE = 'marketplaceApp';
export const SOURCE_WORKFLOW = 'workflowAction';

const marketplace = { show: { source: [SOURCE_MARKETPLACE] } };
const workflow = { show: { source: [SOURCE_WORKFLOW] } };

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Marketplace App Webhooks (Signed)',
				value: SOURCE_MARKETPLACE,
				description: 'Events HighLevel sends to your marketplace app, verified with HighLevel\'s signature',
			},
			{
				name: 'Workflow Webhook Action',
				value: SOURCE_WORKFLOW,
				description: 'A POST from the Webhook action of a HighLevel workflow (not signed by HighLevel)',
			},
		],
		default: SOURCE_MARKETPLACE,
	},
	{
		displayName:
			'Setup: open your app in the HighLevel Marketplace developer portal, go to Advanced Settings → Webhooks, paste this node\'s Production URL (under Webhook URLs above) as the Webhook URL and switch on the events to receive. Each event needs its scope in the app (e.g. contacts.readonly for contact, note and task events). Events arrive for every location the app is installed on; INSTALL and UNINSTALL go to the same URL. Activate (publish) the workflow before installing the app.',
		name: 'marketplaceNotice',
		type: 'notice',
		default: '',
		displayOptions: marketplace,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions(),
		default: [],
		description:
			'Events that start the workflow. Leave empty for every event. Other events are answered 200 and do not start a run.',
		displayOptions: marketplace,
	},
	{
		displayName: 'Location IDs',
		name: 'locationIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT, NaX7SwdZHC3VEKQDuVKL',
		description:
			'Comma-separated location (sub-account) IDs whose events start the workflow. Leave empty for every location. Events of other locations, and events without a location, are answered 200 and do not start a run.',
		displayOptions: marketplace,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: marketplace,
		options: [
			{
				displayName: 'Accept Legacy RSA Signature',
				name: 'acceptLegacySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether a delivery signed only with the legacy x-wh-signature header (RSA) is accepted. HighLevel stops sending it on July 1, 2026; x-ghl-signature (Ed25519) is always checked.',
			},
			{
				displayName: 'Ed25519 Public Key',
				name: 'ed25519PublicKey',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
				description:
					'Key that verifies x-ghl-signature, as a PEM block or base64. Leave empty to use the key HighLevel publishes in its Webhook Integration Guide (built in); set it when HighLevel rotates the key.',
			},
			{
				displayName: 'Max Delivery Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_AGE_SECONDS,
				description:
					'Deliveries whose timestamp is further than this from n8n\'s clock (either way) are refused with 401. 0 turns the check off, which also accepts payloads without a timestamp.',
			},
			{
				displayName: 'Remembered Deliveries',
				name: 'rememberedDeliveries',
				type: 'number',
				typeOptions: { minValue: MIN_REMEMBERED, maxValue: MAX_REMEMBERED },
				default: DEFAULT_REMEMBERED,
				description:
					'Most webhook IDs kept to refuse a delivery received twice: every delivery within Max Delivery Age is kept, up to this many (23 bytes each in the workflow\'s static data, plus n8n\'s deduplication table). When more arrive within the window, deliveries older than the oldest one kept are refused.',
			},
			{
				displayName: 'RSA Public Key',
				name: 'rsaPublicKey',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
				description:
					'Key that verifies the legacy x-wh-signature, as a PEM block or base64. Leave empty to use the key from HighLevel\'s Webhook Authentication Guide (built in).',
			},
		],
	},
	{
		displayName:
			'Setup: in a HighLevel workflow add the Webhook action (or Custom Webhook) with method POST and this node\'s Production URL (under Webhook URLs above). HighLevel does not sign these requests: set a secret header below and add the same header to the action so that only your workflow can start this one.',
		name: 'workflowNotice',
		type: 'notice',
		default: '',
		displayOptions: workflow,
	},
	{
		displayName: 'Require Secret Header',
		name: 'requireSecret',
		type: 'boolean',
		default: false,
		description: 'Whether requests must carry a header with the value below; others are refused with 401',
		displayOptions: workflow,
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'x-webhook-secret',
		required: true,
		description: 'Name of the header that carries the secret (not case-sensitive)',
		displayOptions: { show: { source: [SOURCE_WORKFLOW], requireSecret: [true] } },
	},
	{
		displayName: 'Header Value',
		name: 'headerValue',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The secret the header must carry, compared in constant time. Use a long random value.',
		displayOptions: { show: { source: [SOURCE_WORKFLOW], requireSecret: [true] } },
	},
];
