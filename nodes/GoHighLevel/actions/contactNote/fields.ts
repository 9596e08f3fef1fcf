import type { INodeProperties } from 'n8n-workflow';
import { collection, recordLocator, userPicker, VERSION } from '../kit';

export const noteIdParam = recordLocator({
	name: 'noteId',
	displayName: 'Note',
	searchMethod: 'searchNotes',
	send: { in: 'path', name: 'id' },
	description: 'A note of the contact',
});

export const body: INodeProperties = { displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Text of the note' };

export const optional: INodeProperties[] = [
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Text of the note' },
	{ displayName: 'Pinned', name: 'pinned', type: 'boolean', default: false, description: 'Whether the note stays on top' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	userPicker('userId', 'User', { description: 'Author of the note' }),
];

export const noteFields = (name: string, displayName: string, options: INodeProperties[]) => collection(name, displayName, options);

export const NOTE = { version: VERSION, location: { in: 'token' as const } };
