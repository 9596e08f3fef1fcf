import type { OperationDeclaration } from '../../engine/declarations';
import { appointmentParam, noteBase } from './fields';

export const getAll: OperationDeclaration = {
	...noteBase,
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get notes of an appointment',
	description: 'List the notes of an appointment',
	method: 'GET',
	path: '/calendars/appointments/{appointmentId}/notes',
	scopes: ['calendars/events.readonly'],
	params: [appointmentParam],
	paging: { style: 'offset', in: 'query', limit: 'limit', offset: 'offset', counts: 'items', pageSize: 20 },
	output: { root: 'notes', list: true },
};
