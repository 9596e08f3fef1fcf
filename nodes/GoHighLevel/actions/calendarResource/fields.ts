import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../kit';
import type { ParamDeclaration } from '../../engine/declarations';
import { base } from '../appointmentNote/fields';
import { options } from '../calendarNotification/fields';

// ---- Calendar resources (rooms, equipment) -----------------------------------------------------
export 
const resourceType: ParamDeclaration = {
	property: {
		displayName: 'Resource Type',
		name: 'resourceType',
		type: 'options',
		options: options([
			['Equipment', 'equipments'],
			['Room', 'rooms'],
		]),
		default: 'rooms',
	},
	send: { in: 'path' },
};

export const resourceParam = recordLocator({ name: 'resourceId', displayName: 'Resource', searchMethod: 'searchCalendarResources', send: { in: 'path', name: 'id' } });

export const resourceFields: INodeProperties[] = [
	{ displayName: 'Calendar IDs', name: 'calendarIds', type: 'string', default: '', description: 'Comma-separated IDs of calendars that use this resource' },
	{ displayName: 'Capacity', name: 'capacity', type: 'number', default: 1, description: 'People a room holds' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Out of Service', name: 'outOfService', type: 'number', default: 0, description: 'Units not usable right now' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, description: 'Units available' },
];

export const resourceBase = { ...base, resource: 'calendarResource' };
