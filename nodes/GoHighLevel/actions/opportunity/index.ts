import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import type { OperationDeclaration, ParamDeclaration, ResourceDeclaration } from '../types';

const V = '2021-07-28' as const;
const READ = ['opportunities.readonly'];
const WRITE = ['opportunities.write'];

const OPPORTUNITY_SIMPLE_FIELDS = ['id', 'name', 'status', 'monetaryValue', 'pipelineId', 'pipelineStageId', 'contactId', 'assignedTo', 'createdAt', 'updatedAt'];

const opportunityId = recordLocator({
	name: 'opportunityId',
	displayName: 'Opportunity',
	searchMethod: 'searchOpportunities',
	send: { in: 'path', name: 'id' },
});

const statusOptions = [
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];

const pipeline: INodeProperties = {
	displayName: 'Pipeline Name or ID',
	name: 'pipelineId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelines' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
const stage: INodeProperties = {
	displayName: 'Stage Name or ID',
	name: 'pipelineStageId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId', 'updateFields.pipelineId'] },
	default: '',
	description: 'A stage of the chosen pipeline. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
const status: INodeProperties = { displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'open' };
const monetaryValue: INodeProperties = { displayName: 'Monetary Value', name: 'monetaryValue', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Value of the deal in the location’s currency' };
const assignedTo: INodeProperties = {
	displayName: 'Assigned To Name or ID',
	name: 'assignedTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'User who owns the deal. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
const name: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the deal' };

const customFields: ParamDeclaration = {
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

const followers: ParamDeclaration = {
	property: {
		displayName: 'Follower Names or IDs',
		name: 'followers',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		required: true,
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	send: { in: 'body', as: 'list' },
};

const search: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'search',
	name: 'Search',
	action: 'Search opportunities',
	description: 'Find opportunities by text, pipeline, stage, status, owner or contact; every filter is kept on every page',
	method: 'GET',
	path: '/opportunities/search',
	version: V,
	scopes: READ,
	location: { in: 'query', name: 'location_id' },
	customFields: 'opportunity',
	params: [
		{ property: { displayName: 'Query', name: 'q', type: 'string', default: '', description: 'Free text matched against the opportunity and its contact' }, send: { in: 'query' } },
		{
			property: {
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ ...assignedTo, description: 'Only deals of this user. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
					{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
					{ ...pipeline },
					{ ...stage, typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['filters.pipelineId'] } },
					{ ...status, options: [{ name: 'All', value: 'all' }, ...statusOptions] },
				],
			},
			send: { in: 'query' },
			fields: {
				assignedTo: { send: { name: 'assigned_to' } },
				contactId: { send: { name: 'contact_id' }, validate: 'id' },
				pipelineId: { send: { name: 'pipeline_id' } },
				pipelineStageId: { send: { name: 'pipeline_stage_id' } },
			},
		},
	],
	paging: { style: 'cursor', in: 'query', limit: 'limit', pageSize: 100, next: { startAfter: 'meta.startAfter', startAfterId: 'meta.startAfterId' } },
	output: { root: 'opportunities', list: true, simplify: OPPORTUNITY_SIMPLE_FIELDS },
};

const get: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'get',
	name: 'Get',
	action: 'Get an opportunity',
	description: 'Retrieve one opportunity',
	method: 'GET',
	path: '/opportunities/{id}',
	version: V,
	scopes: READ,
	location: { in: 'token' },
	customFields: 'opportunity',
	params: [opportunityId],
	output: { root: 'opportunity', simplify: OPPORTUNITY_SIMPLE_FIELDS },
};

const listPipelines: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'listPipelines',
	name: 'List Pipelines',
	action: 'List pipelines',
	description: 'List the pipelines of the location with their stages',
	method: 'GET',
	path: '/opportunities/pipelines',
	version: V,
	scopes: READ,
	location: { in: 'query' },
	params: [],
	output: { root: 'pipelines', list: true },
};

const create: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'create',
	name: 'Create',
	action: 'Create an opportunity',
	description: 'Create a deal for a contact in a pipeline stage',
	method: 'POST',
	path: '/opportunities/',
	version: V,
	scopes: WRITE,
	location: { in: 'body' },
	customFields: 'opportunity',
	params: [
		{ property: { ...pipeline, required: true }, send: { in: 'body' }, validate: 'id' },
		{ property: { ...stage, typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId'] } }, send: { in: 'body' }, validate: 'id' },
		{ property: { ...name, required: true }, send: { in: 'body' } },
		{ property: status, send: { in: 'body' } },
		recordLocator({ name: 'contactId', displayName: 'Contact', searchMethod: 'searchContacts', send: { in: 'body' } }),
		{
			property: { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [assignedTo, monetaryValue] },
			send: { in: 'body' },
		},
		customFields,
	],
	output: { root: 'opportunity', simplify: OPPORTUNITY_SIMPLE_FIELDS },
	earlierAttempt: {
		path: '/opportunities/search', version: V, scopes: ['opportunities.readonly'], root: 'opportunities',
		query: { location_id: 'location', pipeline_id: 'body.pipelineId', contact_id: 'body.contactId', q: 'body.name' },
		match: { name: 'body.name', pipelineId: 'body.pipelineId', contactId: 'body.contactId' }, createdAt: 'createdAt',
	},
};

const update: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'update',
	name: 'Update',
	action: 'Update an opportunity',
	description: 'Change an opportunity; fields left out keep their values',
	method: 'PUT',
	path: '/opportunities/{id}',
	version: V,
	scopes: WRITE,
	location: { in: 'token' },
	customFields: 'opportunity',
	params: [
		opportunityId,
		{
			property: {
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [assignedTo, monetaryValue, name, pipeline, { ...stage, typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['updateFields.pipelineId'] } }, status],
			},
			send: { in: 'body' },
			fields: { pipelineId: { validate: 'id' }, pipelineStageId: { validate: 'id' } },
		},
		customFields,
	],
	output: { root: 'opportunity', simplify: OPPORTUNITY_SIMPLE_FIELDS },
};

const deleteOpportunity: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete an opportunity',
	description: 'Delete an opportunity permanently',
	method: 'DELETE',
	path: '/opportunities/{id}',
	version: V,
	scopes: WRITE,
	location: { in: 'token' },
	params: [opportunityId],
	output: { confirm: true },
};

const updateStatus: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'updateStatus',
	name: 'Update Status',
	action: 'Mark an opportunity open, won, lost or abandoned',
	description: 'Set the status of an opportunity',
	method: 'PUT',
	path: '/opportunities/{id}/status',
	version: V,
	scopes: WRITE,
	location: { in: 'token' },
	params: [
		opportunityId,
		{ property: { ...status, default: 'won', required: true }, send: { in: 'body' } },
		{
			property: { displayName: 'Lost Reason ID', name: 'lostReasonId', type: 'string', default: '', displayOptions: { show: { status: ['lost'] } } },
			send: { in: 'body' },
			validate: 'id',
		},
	],
	output: { confirm: true },
};

const upsert: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update an opportunity',
	description: 'Update the opportunity with the given ID (or matching the pipeline and contact), or create it',
	method: 'POST',
	path: '/opportunities/upsert',
	version: V,
	scopes: WRITE,
	location: { in: 'body' },
	// Required by the endpoint; they only matter when followers change.
	staticBody: { followers: [], isRemoveAllFollowers: false, followersActionType: 'add' },
	params: [
		{ property: { ...pipeline, required: true }, send: { in: 'body' }, validate: 'id' },
		{
			property: {
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					assignedTo,
					{ displayName: 'Opportunity ID', name: 'id', type: 'string', default: '', description: 'Update this opportunity' },
					monetaryValue,
					name,
					{ ...stage, typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId'] } },
					status,
				],
			},
			send: { in: 'body' },
			fields: { id: { validate: 'id' }, pipelineStageId: { validate: 'id' } },
		},
	],
	output: { root: 'opportunity', include: ['new'], simplify: OPPORTUNITY_SIMPLE_FIELDS },
};

const addFollowers: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'addFollowers',
	name: 'Add Followers',
	action: 'Add followers to an opportunity',
	description: 'Add users who follow an opportunity',
	method: 'POST',
	path: '/opportunities/{id}/followers',
	version: V,
	scopes: WRITE,
	location: { in: 'token' },
	params: [opportunityId, followers],
	output: {},
};

const removeFollowers: OperationDeclaration = {
	...addFollowers,
	operation: 'removeFollowers',
	name: 'Remove Followers',
	action: 'Remove followers from an opportunity',
	description: 'Remove users from the followers of an opportunity',
	method: 'DELETE',
};

export const opportunityResource: ResourceDeclaration = {
	value: 'opportunity',
	name: 'Opportunity',
	description: 'Deals in pipelines',
	operations: [addFollowers, create, upsert, deleteOpportunity, get, listPipelines, removeFollowers, search, update, updateStatus],
};
