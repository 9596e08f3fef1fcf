import { VERSION_2021_04_15 } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { appointmentParam, noteBody, noteAuthor, noteBase } from './fields';

export const create: OperationDeclaration = {
	...noteBase,
	operation: 'create',
	name: 'Create',
	action: 'Add a note to an appointment',
	description: 'Add a note to an appointment',
	method: 'POST',
	path: '/calendars/appointments/{appointmentId}/notes',
	scopes: ['calendars/events.write'],
	params: [appointmentParam, noteBody, noteAuthor],
	output: { root: 'note' },
	earlierAttempt: {
		path: '/calendars/appointments/{appointmentId}/notes', version: VERSION_2021_04_15, scopes: ['calendars/events.readonly'],
		fixedQuery: { limit: 20, offset: 0 }, root: 'notes', match: { body: 'body.body' }, createdAt: 'dateAdded',
	},
};
