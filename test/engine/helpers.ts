// Small helpers for the engine suites that run many operations of one resource.
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { RunOptions } from './fixtures';
import { runOperation } from './fixtures';

export function operations(sandbox: () => Sandbox) {
	const run = (resource: string, operation: string, parameters: IDataObject = {}, options: RunOptions = {}) =>
		runOperation(sandbox(), resource, operation, parameters, options);
	/** Runs an operation that must succeed and returns its output records. */
	const ok = async (resource: string, operation: string, parameters: IDataObject = {}, options: RunOptions = {}) => {
		const result = await run(resource, operation, parameters, options);
		if (result.error) throw new Error(`${resource}:${operation} failed: ${result.error.message} ${result.error.description ?? ''}`);
		return result.items.map((i) => i.json);
	};
	return { run, ok };
}
