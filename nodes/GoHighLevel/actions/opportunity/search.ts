import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, OPPORTUNITY_SIMPLE_FIELDS, statusOptions, pipeline, stage, status, assignedTo } from './fields';

export const search: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'search',
	name: 'Search',
	action: 'Search opportunities',
	description: 'Find opportunities by text, pipeline, stage, status, owner or contact; every filter is kept on every page',
	method: 'GET',
	path: '/opportunities/search',
	version: VERSION,
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
