import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, OPPORTUNITY_SIMPLE_FIELDS, pipeline, stage, status, monetaryValue, assignedTo, name } from './fields';

export const upsert: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update an opportunity',
	description: 'Update the opportunity with the given ID (or matching the pipeline and contact), or create it',
	method: 'POST',
	path: '/opportunities/upsert',
	version: VERSION,
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
