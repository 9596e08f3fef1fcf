import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, OPPORTUNITY_SIMPLE_FIELDS, opportunityId, pipeline, stage, status, monetaryValue, assignedTo, name, customFields } from './fields';

export const update: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'update',
	name: 'Update',
	action: 'Update an opportunity',
	description: 'Change an opportunity; fields left out keep their values',
	method: 'PUT',
	path: '/opportunities/{id}',
	version: VERSION,
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
