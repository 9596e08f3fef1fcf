// Shared set-up of the engine suites: a sandbox per suite and credentials pointing at it.
import type { IDataObject } from 'n8n-workflow';

import type { HarnessCredential, RunNodeResult } from '../harness';
import { runNode } from '../harness';
import { resources } from '../../nodes/GoHighLevel/actions';
import { AREAS } from '../../nodes/GoHighLevel/areas';
import type { Sandbox } from '../../sandbox';
import { DEMO } from '../../sandbox';

export function privateToken(sandbox: Sandbox, data: IDataObject = {}): HarnessCredential {
	return {
		type: 'goHighLevelPrivateIntegrationApi',
		data: { token: DEMO.locationPrivateToken, locationId: DEMO.locationId, baseUrl: sandbox.url, ...data },
	};
}

export function oauthCredential(
	sandbox: Sandbox,
	tokens: { access_token: string; refresh_token: string; userType: 'Location' | 'Company'; locationId?: string; companyId?: string },
): HarnessCredential {
	return {
		type: 'goHighLevelOAuth2Api',
		data: {
			clientId: DEMO.clientId,
			clientSecret: DEMO.clientSecret,
			baseUrl: sandbox.url,
			userType: tokens.userType,
			oauthTokenData: { token_type: 'Bearer', ...tokens },
		},
	};
}

export interface RunOptions {
	credential?: HarnessCredential;
	/** The node to run it in (default: the node that offers the resource). */
	nodeType?: string;
	inputItems?: Array<{ json: IDataObject }>;
	continueOnFail?: boolean;
}

export async function runContact(sandbox: Sandbox, operation: string, parameters: IDataObject, options: RunOptions = {}): Promise<RunNodeResult> {
	return await runOperation(sandbox, 'contact', operation, parameters, options);
}

/** The action node (type name in the package) that offers a resource. */
export function nodeOfResource(resource: string): string {
	const declared = resources.find((r) => r.value === resource);
	return AREAS[declared?.area ?? 'crm'].node;
}

/** Runs one operation, in the node that offers it, in the n8n engine against the sandbox. */
export async function runOperation(
	sandbox: Sandbox,
	resource: string,
	operation: string,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<RunNodeResult> {
	const credential = options.credential ?? privateToken(sandbox);
	return await runNode({
		nodeType: options.nodeType ?? nodeOfResource(resource),
		parameters: {
			authentication: credential.type === 'goHighLevelOAuth2Api' ? 'oAuth2' : 'privateIntegrationToken',
			resource,
			operation,
			...parameters,
		},
		credentials: credential,
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}

/** A resource-locator value as the editor stores it. */
export function byId(value: string): IDataObject {
	return { __rl: true, mode: 'id', value };
}

/** Requests the sandbox answered, without the OAuth endpoints. */
export function apiRequests(sandbox: Sandbox) {
	return sandbox.requests.filter((r) => !r.path.startsWith('/oauth/') && !r.path.startsWith('/__sandbox'));
}
