import type { OperationDeclaration } from '../../engine/declarations';
import { createBlockSlot } from './createBlockSlot';
import { eventLocator, blockSlotParams } from './fields';

export const updateBlockSlot: OperationDeclaration = {
	...createBlockSlot,
	operation: 'updateBlockSlot',
	name: 'Update Blocked Slot',
	action: 'Update blocked time',
	description: 'Move or rename a blocked time range',
	method: 'PUT',
	path: '/calendars/events/block-slots/{eventId}',
	location: { in: 'body' },
	params: [eventLocator('Blocked Slot', 'searchBlockedSlots'), ...blockSlotParams(false)],
};
