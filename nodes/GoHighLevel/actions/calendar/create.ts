import { collection, textParam } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { groupLocator } from './common';
import { base, settings, settingsFields } from './fields';

export const create: OperationDeclaration = {
	...base,
	operation: 'create',
	name: 'Create',
	action: 'Create a calendar',
	description: 'Create a booking calendar',
	method: 'POST',
	path: '/calendars/',
	scopes: ['calendars.write'],
	location: { in: 'body' },
	params: [
		textParam('Name', 'name', { in: 'body' }, { required: true }),
		groupLocator({ in: 'body' }, false),
		collection('additionalFields', 'Additional Fields', settings, settingsFields),
	],
	output: { root: 'calendar' },
};
