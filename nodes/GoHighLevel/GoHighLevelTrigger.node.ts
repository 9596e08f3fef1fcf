import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { pollRequestOptionsProperty } from './transport/options';
import { buildTriggerProperties } from './trigger/description';
import { triggerEvents } from './trigger/events';
import { pollEvent } from './trigger/poll';

export class GoHighLevelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel Trigger',
		name: 'goHighLevelTrigger',
		icon: { light: 'file:../../icons/gohighlevel.svg', dark: 'file:../../icons/gohighlevel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when HighLevel records are created or change (polling)',
		defaults: { name: 'GoHighLevel Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'goHighLevelOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'goHighLevelPrivateIntegrationApi',
				required: true,
				displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
					{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
				],
				default: 'oAuth2',
			},
			...buildTriggerProperties(triggerEvents),
			// Last, after the operation's own parameters.
			pollRequestOptionsProperty,
		],
	};

	methods = { loadOptions, listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this);
	}
}
