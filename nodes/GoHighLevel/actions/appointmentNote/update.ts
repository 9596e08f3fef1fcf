import type { OperationDeclaration } from '../../engine/declarations';
import { appointmentParam, noteParam, noteBody, noteAuthor, noteBase } from './fields';

export const update: OperationDeclaration = {
	...noteBase,
	operation: 'update',
	name: 'Update',
	action: 'Update a note of an appointment',
	description: 'Change the text of an appointment note',
	method: 'PUT',
	path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
	scopes: ['calendars/events.write'],
	params: [appointmentParam, noteParam, noteBody, noteAuthor],
	output: { root: 'note' },
};
