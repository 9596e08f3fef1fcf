import type { ResourceInfo } from '../../engine/declarations';

export const contactNoteResource: ResourceInfo = {
	area: 'crm',
	value: 'contactNote',
	name: 'Contact Note',
	description: 'Notes attached to a contact',
	operationOrder: ['create', 'get', 'getAll', 'update', 'delete'],
};
