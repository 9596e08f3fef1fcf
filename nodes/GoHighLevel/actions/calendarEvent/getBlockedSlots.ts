import type { OperationDeclaration } from '../../engine/declarations';
import { listEvents } from './getAll';

export const listBlockedSlots: OperationDeclaration = {
	...listEvents,
	operation: 'getBlockedSlots',
	name: 'Get Blocked Slots',
	action: 'Get blocked slots',
	description: 'List blocked time of a calendar, user or group in a time range',
	path: '/calendars/blocked-slots',
};
