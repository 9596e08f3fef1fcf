import { textParam } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { resourceType, resourceBase } from './fields';

export const create: OperationDeclaration = {
	...resourceBase,
	operation: 'create',
	name: 'Create',
	action: 'Create a room or equipment',
	description: 'Add a room or piece of equipment that calendars can book',
	method: 'POST',
	path: '/calendars/resources/{resourceType}',
	scopes: ['calendars/resources.write'],
	location: { in: 'body' },
	params: [
		resourceType,
		textParam('Name', 'name', { in: 'body' }, { required: true }),
		textParam('Description', 'description', { in: 'body' }, { required: true }),
		{ property: { displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, required: true }, send: { in: 'body' } },
		{ property: { displayName: 'Out of Service', name: 'outOfService', type: 'number', default: 0, description: 'Units not usable right now' }, send: { in: 'body' } },
		{ property: { displayName: 'Capacity', name: 'capacity', type: 'number', default: 1, required: true }, send: { in: 'body' } },
		textParam('Calendar IDs', 'calendarIds', { in: 'body', as: 'list' }, { required: true, description: 'Comma-separated IDs of calendars that use this resource' }),
	],
	output: {},
};
