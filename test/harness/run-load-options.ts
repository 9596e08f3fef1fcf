import './env';

import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodePropertyOptions, INodeParameters } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { RunNodeOptions } from './types';
import { prepareRun } from './workflow';

/**
 * Runs a dropdown (`loadOptions`) or searchable list (`listSearch`) method of the node the way the
 * editor asks n8n for it: a LoadOptionsContext over the node's current parameters.
 */
export async function runLoadOptions(
	options: Omit<RunNodeOptions, 'inputItems' | 'continueOnFail'> & {
		method: string;
		kind?: 'loadOptions' | 'listSearch';
		filter?: string;
		paginationToken?: string;
	},
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const run = await prepareRun(options, 'internal', { withStartNode: false });
	const { workflow, node, additionalData } = run;
	additionalData.currentNodeParameters = options.parameters as INodeParameters;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const kind = options.kind ?? 'loadOptions';
	const method = nodeType.methods?.[kind]?.[options.method];
	if (!method) throw new UnexpectedError(`Node has no ${kind} method "${options.method}"`);
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${options.method}`);
	if (kind === 'listSearch') {
		return await (method as (this: LoadOptionsContext, filter?: string, token?: string) => Promise<INodeListSearchResult>).call(
			context,
			options.filter,
			options.paginationToken,
		);
	}
	return await (method as (this: LoadOptionsContext) => Promise<INodePropertyOptions[]>).call(context);
}
