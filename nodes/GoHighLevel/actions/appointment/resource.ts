import type { ResourceInfo } from '../../engine/declarations';

export const appointmentResource: ResourceInfo = {
	area: 'crm',
	value: 'appointment',
	name: 'Appointment',
	description: 'Booked appointments',
	operationOrder: ['get', 'create', 'update'],
};
