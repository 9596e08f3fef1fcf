import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, opportunityId, status } from './fields';

export const updateStatus: OperationDeclaration = {
	resource: 'opportunity',
	operation: 'updateStatus',
	name: 'Update Status',
	action: 'Mark an opportunity open, won, lost or abandoned',
	description: 'Set the status of an opportunity',
	method: 'PUT',
	path: '/opportunities/{id}/status',
	version: VERSION,
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
