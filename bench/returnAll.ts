// Figure 1's three ways to fetch all 10,000 contacts of the sandbox (100 per page, 101 requests),
// shared by bench/run.ts and bench/profile.ts.
import '../test/harness/env';

import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { Agent, request } from 'undici';

import type { Sandbox } from '../sandbox';
import { DEMO } from '../sandbox';
import { runNode } from '../test/harness';

export const ours = (sandbox: Sandbox) => ({ type: 'goHighLevelPrivateIntegrationApi', data: { token: DEMO.locationPrivateToken, locationId: DEMO.locationId, baseUrl: sandbox.url } });

/** Contact › Search with Return All, through n8n-core's engine (WorkflowExecute), as in a workflow. */
export function runOursReturnAll(sandbox: Sandbox, packageRoot?: string) {
	return runNode({
		packageRoot,
		parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'search', returnAll: true },
		credentials: ours(sandbox),
	});
}

/** Request body of one page of the contact search, exactly as the node sends it. */
export const searchPage = (searchAfter: unknown): IDataObject => ({ locationId: DEMO.locationId, pageLimit: 100, ...(searchAfter ? { searchAfter } : { page: 1 }) });

/**
 * The reference: a bare undici loop over the same 101 requests (one keep-alive connection). Like
 * the node it parses every page and returns all records (the node's output holds all 10,000 too);
 * `discard` drops each page once counted, as the reference did before (bench/profile.ts only).
 */
export async function rawUndiciReturnAll(sandbox: Sandbox, discard = false): Promise<IDataObject[]> {
	const agent = new Agent({ keepAliveTimeout: 10_000 });
	const contacts: IDataObject[] = [];
	let searchAfter: unknown;
	for (;;) {
		const response = await request(`${sandbox.url}/contacts/search`, {
			method: 'POST',
			dispatcher: agent,
			headers: { authorization: `Bearer ${DEMO.locationPrivateToken}`, version: '2021-07-28', 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(searchPage(searchAfter)),
		});
		const page = ((await response.body.json()) as { contacts: IDataObject[] }).contacts;
		if (!discard) contacts.push(...page);
		if (page.length < 100) break;
		searchAfter = page[page.length - 1].searchAfter;
	}
	await agent.close();
	return contacts;
}

/**
 * The same 101 requests through n8n's own HTTP helper (what `this.helpers.httpRequest` runs:
 * axios with a new agent, hence a new connection, per request), with the options the node passes;
 * no node, no engine, no credential. No node that must use n8n's helpers can be faster than this.
 */
export async function n8nHelperReturnAll(sandbox: Sandbox): Promise<IDataObject[]> {
	const http = Container.get(OutboundHttp).requests();
	const contacts: IDataObject[] = [];
	let searchAfter: unknown;
	for (;;) {
		const response = (await http.request({
			method: 'POST',
			url: `${sandbox.url}/contacts/search`,
			headers: { Accept: 'application/json', Version: '2021-07-28', Authorization: `Bearer ${DEMO.locationPrivateToken}` },
			body: searchPage(searchAfter),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
		})) as IN8nHttpFullResponse;
		const page = (response.body as { contacts: IDataObject[] }).contacts;
		contacts.push(...page);
		if (page.length < 100) break;
		searchAfter = page[page.length - 1].searchAfter;
	}
	return contacts;
}
