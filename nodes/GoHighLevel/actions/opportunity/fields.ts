import type { INodeProperties } from 'n8n-workflow';
import { recordLocator, userPicker } from '../kit';
import type { ParamDeclaration } from '../../engine/declarations';

export const READ = ['opportunities.readonly'];

export const WRITE = ['opportunities.write'];

export const OPPORTUNITY_SIMPLE_FIELDS = ['id', 'name', 'status', 'monetaryValue', 'pipelineId', 'pipelineStageId', 'contactId', 'assignedTo', 'createdAt', 'updatedAt'];

export const opportunityId = recordLocator({
	name: 'opportunityId',
	displayName: 'Opportunity',
	searchMethod: 'searchOpportunities',
	send: { in: 'path', name: 'id' },
});

export const statusOptions = [
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];

export const pipeline: INodeProperties = {
	displayName: 'Pipeline Name or ID',
	name: 'pipelineId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelines' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const stage: INodeProperties = {
	displayName: 'Stage Name or ID',
	name: 'pipelineStageId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId', 'updateFields.pipelineId'] },
	default: '',
	description: 'A stage of the chosen pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const status: INodeProperties = { displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'open' };

export const monetaryValue: INodeProperties = { displayName: 'Monetary Value', name: 'monetaryValue', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Value of the deal in the location’s currency' };

export const assignedTo: INodeProperties = userPicker('assignedTo', 'Assigned To', { description: 'User who owns the deal' });

export const name: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the deal' };

export const customFields: ParamDeclaration = {
	property: {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Values for the location’s custom opportunity fields, picked by name',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getOpportunityCustomFields' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	send: { in: 'body', as: 'customFields' },
};

export const followers: ParamDeclaration = {
	property: userPicker('followers', 'Follower', { multiple: true, required: true }),
	send: { in: 'body', as: 'list' },
};
