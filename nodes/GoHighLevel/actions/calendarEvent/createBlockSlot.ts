import type { OperationDeclaration } from '../../engine/declarations';
import { startBeforeEnd } from '../calendar/common';
import { base, blockSlotParams } from './fields';

export const createBlockSlot: OperationDeclaration = {
	...base,
	resource: 'calendarEvent',
	operation: 'createBlockSlot',
	name: 'Create Blocked Slot',
	action: 'Block time in a calendar',
	description: 'Block a time range so it cannot be booked',
	method: 'POST',
	path: '/calendars/events/block-slots',
	scopes: ['calendars/events.write'],
	location: { in: 'body' },
	params: blockSlotParams(true),
	check: (parts) => startBeforeEnd(parts.body.startTime, parts.body.endTime, 'End'),
	output: {},
};
