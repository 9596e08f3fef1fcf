import { collection } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { calendarLocator } from './common';
import { base, settings, settingsFields } from './fields';

export const update: OperationDeclaration = {
	...base,
	operation: 'update',
	name: 'Update',
	action: 'Update a calendar',
	description: 'Change settings of a calendar; settings left out keep their values',
	method: 'PUT',
	path: '/calendars/{calendarId}',
	scopes: ['calendars.write'],
	location: { in: 'token' },
	params: [
		calendarLocator({ in: 'path' }),
		collection('updateFields', 'Update Fields', [
			...settings.filter((o) => o.name !== 'calendarType'),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		], settingsFields),
	],
	output: { root: 'calendar' },
};
