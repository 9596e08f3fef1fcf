import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { findOperation, resources } from './actions';
import { buildProperties } from './engine/description';
import { executeDeclared } from './engine/executor';
import { listSearch, loadOptions } from './methods';
import { requestOptionsProperty } from './transport/options';

export class GoHighLevel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel',
		name: 'goHighLevel',
		icon: { light: 'file:../../icons/gohighlevel.svg', dark: 'file:../../icons/gohighlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with contacts, calendars, opportunities, conversations and more in HighLevel (API v2)',
		defaults: { name: 'GoHighLevel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
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
			...buildProperties(resources),
			// Last, after the operation's own parameters.
			requestOptionsProperty,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeDeclared(this, findOperation);
	}
}
