import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * Lets the shared engine run a declaration from a poll: the engine reads parameters per input
 * item, a poll has none, so item-indexed reads map onto the poll's own parameter reads.
 */
export function pollAsExecute(poll: IPollFunctions): IExecuteFunctions {
	const context = Object.create(poll) as IExecuteFunctions & Record<string, unknown>;
	context.getNodeParameter = ((name: string, _itemIndex: number, fallback?: unknown, options?: object) =>
		poll.getNodeParameter(name, fallback as never, options as never)) as IExecuteFunctions['getNodeParameter'];
	context.getInputData = () => [{ json: {} }];
	context.continueOnFail = () => false;
	return context;
}
