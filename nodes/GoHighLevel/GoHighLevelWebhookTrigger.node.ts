import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { webhookTriggerProperties } from './webhook/description';
import { passDeliveriesOnce } from './webhook/execution';
import { handleWebhook } from './webhook/handler';

export class GoHighLevelWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel Webhook Trigger',
		name: 'goHighLevelWebhookTrigger',
		icon: { light: 'file:../../icons/gohighlevel.svg', dark: 'file:../../icons/gohighlevel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["source"] === "workflowAction" ? "Workflow webhook action" : "Marketplace app events"}}',
		description: 'Starts a workflow when HighLevel sends a webhook: signed marketplace-app events or a workflow Webhook action',
		defaults: { name: 'GoHighLevel Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'gohighlevel',
			},
		],
		properties: webhookTriggerProperties,
	};

	// HighLevel has no API to subscribe a URL (it is pasted into the marketplace app or the
	// workflow action), so activation has nothing to register or remove remotely.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this);
	}

	// n8n runs this with what webhook() returned, inside the execution it started: the place where
	// the deduplication store and saved static data are available (see webhook/replay.ts).
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await passDeliveriesOnce(this);
	}
}
