import type { OperationDeclaration } from '../../engine/declarations';
import { appointmentParam, noteParam, noteBase } from './fields';

export const deleteAppointmentNote: OperationDeclaration = {
	...noteBase,
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a note of an appointment',
	description: 'Delete an appointment note',
	method: 'DELETE',
	path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
	scopes: ['calendars/events.write'],
	params: [appointmentParam, noteParam],
	output: { confirm: true },
};
