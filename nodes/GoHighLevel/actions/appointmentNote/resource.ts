import type { ResourceInfo } from '../../engine/declarations';

export const appointmentNoteResource: ResourceInfo = {
	area: 'crm',
	value: 'appointmentNote',
	// A resource, not a dropdown option: the rule mistakes `defaultOperation: 'getAll'` for one.
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many
	name: 'Appointment Note',
	description: 'Notes attached to appointments',
	defaultOperation: 'getAll',
	operationOrder: ['getAll', 'create', 'update', 'delete'],
};
