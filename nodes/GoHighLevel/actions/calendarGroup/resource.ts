import type { ResourceInfo } from '../../engine/declarations';

export const calendarGroupResource: ResourceInfo = {
	area: 'crm',
	value: 'calendarGroup',
	name: 'Calendar Group',
	description: 'Groups of calendars sharing a booking page',
	defaultOperation: 'create',
	operationOrder: ['getAll', 'create', 'update', 'setStatus', 'delete', 'validateSlug'],
};
