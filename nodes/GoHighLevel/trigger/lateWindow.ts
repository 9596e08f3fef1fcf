import type { INodeProperties } from 'n8n-workflow';

/**
 * HighLevel's search is eventually consistent: a record can appear seconds after newer ones. Time-
 * ordered events read this far back again on every poll (deduplicated), so such a record is still
 * emitted once.
 */
export const DEFAULT_LATE_WINDOW_SECONDS = 10;
export const MAX_LATE_WINDOW_SECONDS = 3600;
export const LATE_WINDOW_PARAMETER = 'lateRecordsWindow';

/** The editor option of time-ordered events; `show` names them. */
export function lateWindowProperty(events: string[]): INodeProperties {
	return {
		displayName: 'Late Records Window (Seconds)',
		name: LATE_WINDOW_PARAMETER,
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_LATE_WINDOW_SECONDS },
		default: DEFAULT_LATE_WINDOW_SECONDS,
		description:
			'How far back each poll looks again for records HighLevel made visible late (its search index lags a few seconds). Records seen before are not emitted again. Under a flood of writes it covers less time: half a page of records at most.',
		displayOptions: { show: { event: events } },
	};
}
