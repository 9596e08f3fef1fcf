import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AUTHENTICATION_PROPERTY, HIGHLEVEL_CREDENTIALS } from './authentication';
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
		credentials: HIGHLEVEL_CREDENTIALS,
		// Request Options last, after the event's own parameters.
		properties: [AUTHENTICATION_PROPERTY, ...buildTriggerProperties(triggerEvents), pollRequestOptionsProperty],
	};

	methods = { loadOptions, listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvent(this);
	}
}
