import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, OPPORTUNITY_SIMPLE_FIELDS, pipeline, stage, status, monetaryValue, assignedTo, name, customFields } from './fields';

export const create: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'create',
	name: 'Create',
	action: 'Create an opportunity',
	description: 'Create a deal for a contact in a pipeline stage',
	method: 'POST',
	path: '/opportunities/',
	version: VERSION,
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
		path: '/opportunities/search', version: VERSION, scopes: ['opportunities.readonly'], root: 'opportunities',
		query: { location_id: 'location', pipeline_id: 'body.pipelineId', contact_id: 'body.contactId', q: 'body.name' },
		match: { name: 'body.name', pipelineId: 'body.pipelineId', contactId: 'body.contactId' }, createdAt: 'createdAt',
	},
};
