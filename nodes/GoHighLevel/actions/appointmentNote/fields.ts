import { recordLocator, textParam, userPicker, VERSION_2021_04_15 } from '../kit';
import type { ParamDeclaration } from '../../engine/declarations';

export const base = { version: VERSION_2021_04_15 } as const;

// ---- Appointment notes -------------------------------------------------------------------------
export 
const appointmentParam = recordLocator({ name: 'appointmentId', displayName: 'Appointment', searchMethod: 'searchEvents', send: { in: 'path' } });

export const noteParam = recordLocator({ name: 'noteId', displayName: 'Note', searchMethod: 'searchAppointmentNotes', send: { in: 'path' } });

export const noteBody = textParam('Body', 'body', { in: 'body' }, { required: true, typeOptions: { rows: 4 }, description: 'Text of the note' });

export const noteAuthor: ParamDeclaration = { property: userPicker('userId', 'Author', { description: 'User who wrote the note' }), send: { in: 'body' } };

export const noteBase = { ...base, resource: 'appointmentNote', location: { in: 'token' as const } };
