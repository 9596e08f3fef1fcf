import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../common';
import { contactIdParam } from '../contact/fields';
import type { OperationDeclaration, ParamDeclaration, ResourceDeclaration } from '../types';

const noteIdParam = recordLocator({
	name: 'noteId',
	displayName: 'Note',
	searchMethod: 'searchNotes',
	send: { in: 'path', name: 'id' },
	description: 'A note of the contact',
});

const body: INodeProperties = { displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Text of the note' };
const optional: INodeProperties[] = [
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Text of the note' },
	{ displayName: 'Pinned', name: 'pinned', type: 'boolean', default: false, description: 'Whether the note stays on top' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{
		displayName: 'User Name or ID',
		name: 'userId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description: 'Author of the note. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

function noteFields(name: string, displayName: string, options: INodeProperties[]): ParamDeclaration {
	return { property: { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options }, send: { in: 'body' } };
}

const NOTE = { version: '2021-07-28' as const, location: { in: 'token' as const } };

const create: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'create',
	name: 'Create',
	action: 'Create a note for a contact',
	description: 'Add a note to a contact',
	method: 'POST',
	path: '/contacts/{contactId}/notes',
	scopes: ['contacts.write'],
	params: [contactIdParam, { property: { ...body, required: true }, send: { in: 'body' } }, noteFields('additionalFields', 'Additional Fields', optional.slice(1))],
	output: { root: 'note' },
	earlierAttempt: { path: '/contacts/{contactId}/notes', version: '2021-07-28', scopes: ['contacts.readonly'], root: 'notes', match: { body: 'body.body' }, createdAt: 'dateAdded' },
};

const get: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'get',
	name: 'Get',
	action: 'Get a note of a contact',
	description: 'Retrieve one note of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.readonly'],
	params: [contactIdParam, noteIdParam],
	output: { root: 'note' },
};

const getAll: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get notes of a contact',
	description: 'List the notes of a contact',
	method: 'GET',
	path: '/contacts/{contactId}/notes',
	scopes: ['contacts.readonly'],
	params: [contactIdParam],
	output: { root: 'notes', list: true },
};

const update: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'update',
	name: 'Update',
	action: 'Update a note of a contact',
	description: 'Change a note; fields left out keep their values',
	method: 'PUT',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.write'],
	params: [contactIdParam, noteIdParam, noteFields('updateFields', 'Update Fields', optional)],
	output: { root: 'note' },
};

const deleteNote: OperationDeclaration = {
	...NOTE,
	resource: 'contactNote',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a note of a contact',
	description: 'Delete a note permanently',
	method: 'DELETE',
	path: '/contacts/{contactId}/notes/{id}',
	scopes: ['contacts.write'],
	params: [contactIdParam, noteIdParam],
	output: { confirm: true },
};

export const contactNoteResource: ResourceDeclaration = {
	value: 'contactNote',
	name: 'Contact Note',
	description: 'Notes attached to a contact',
	operations: [create, deleteNote, get, getAll, update],
};
