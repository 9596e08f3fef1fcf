import type { INodeProperties } from 'n8n-workflow';

import { companyProperty, locationProperty, operationProperties, shareAcross, withShow } from '../engine/description';
import type { TriggerEvent } from './events';
import { lateWindowProperty } from './lateWindow';

function emitProperty(events: TriggerEvent[]): INodeProperties[] {
	const ascending = events.filter((e) => e.strategy.kind === 'ascending').map((e) => e.key);
	const lists = events.filter((e) => e.strategy.kind === 'digest').map((e) => e.key);
	return [
		withShow(
			{
				displayName: 'Emit',
				name: 'emit',
				type: 'options',
				options: [
					{ name: 'New Records', value: 'new', description: 'Each record once, when it first appears' },
					{ name: 'New or Updated Records', value: 'newOrUpdated', description: 'Each record when it appears and again after each update' },
				],
				default: 'new',
			},
			{ event: ascending },
		),
		withShow(
			{
				displayName: 'Emit',
				name: 'emit',
				type: 'options',
				options: [
					{ name: 'New Records', value: 'new', description: 'Each record once, when it first appears in the list' },
					{ name: 'New or Changed Records', value: 'newOrChanged', description: 'Each record when it appears and again whenever its content changes' },
				],
				default: 'newOrChanged',
			},
			{ event: lists },
		),
	];
}

/** The trigger's editor description: the event list, then the parameters of the chosen event's read. */
export function buildTriggerProperties(events: TriggerEvent[]): INodeProperties[] {
	const located = events.filter((e) => e.decl.location).map((e) => e.key);
	const withCompany = events.filter((e) => e.decl.company).map((e) => e.key);
	return [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			options: events
				.map((e) => ({
					name: e.name,
					value: e.key,
					description: `${e.description}${e.decl.agencyOnly ? ' (agency token only)' : ''}`,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: 'contact:search',
		},
		locationProperty({ event: located }),
		companyProperty({ event: withCompany }),
		...emitProperty(events),
		lateWindowProperty(events.filter((e) => e.strategy.kind === 'ascending' || e.strategy.kind === 'newestFirst').map((e) => e.key)),
		...shareAcross(events.flatMap((e) => operationProperties(e.decl, { event: [e.key] })), 'event'),
	];
}
