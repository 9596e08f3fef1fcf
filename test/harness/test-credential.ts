import './env';

import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRunExecutionData,
	ITaskDataConnections,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, deepCopy } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { LoadedPackage } from './package-loader';
import { loadPackage } from './package-loader';
import type { CredentialTestResult, HarnessCredential } from './types';

/** Messages of n8n's cli (RESPONSE_ERROR_MESSAGES). */
const OAUTH2_CREDENTIAL_TEST_SUCCEEDED = 'Connection Successful!';
const OAUTH2_CREDENTIAL_TEST_FAILED = 'This OAuth2 credential was not connected to an account.';

/** Description of n8n-nodes-base's No Operation node, the host of request-based credential tests. */
const NO_OP_DESCRIPTION: INodeTypeDescription = {
	displayName: 'No Operation, do nothing',
	name: 'n8n-nodes-base.noOp',
	group: ['organization'],
	version: 1,
	description: 'No Operation',
	defaults: { name: 'No Operation, do nothing' },
	inputs: ['main'],
	outputs: ['main'],
	properties: [],
};

type TestFunctionOrRequest =
	| { kind: 'function'; fn: ICredentialTestFunction }
	| { kind: 'request'; testRequest: ICredentialTestRequest; nodeType?: INodeType };

/** Which test n8n would run (cli CredentialsTester.getCredentialTestFunction). */
function findCredentialTest(pkg: LoadedPackage, credentialType: string): TestFunctionOrRequest | undefined {
	const type = pkg.getCredentialType(credentialType);
	if (type.test) return { kind: 'request', testRequest: type.test };

	const supportedNodes = pkg.loader.known.credentials[credentialType]?.supportedNodes ?? [];
	for (const nodeName of supportedNodes) {
		const node = pkg.getNodeType(nodeName);
		const versions: INodeType[] = 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType) continue;
				if (name === 'oAuth2Api' || pkg.getParentTypes(name).includes('oAuth2Api')) {
					return {
						kind: 'function',
						fn: async function oauth2CredTest(cred: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
							const tokenData = cred?.data?.oauthTokenData;
							const connected = typeof tokenData === 'object' && tokenData !== null && 'access_token' in tokenData;
							return connected
								? { status: 'OK', message: OAUTH2_CREDENTIAL_TEST_SUCCEEDED }
								: { status: 'Error', message: OAUTH2_CREDENTIAL_TEST_FAILED };
						},
					};
				}
				if (!testedBy) continue;
				if (typeof testedBy === 'string') {
					if ('nodeVersions' in node) {
						const keys = Object.keys(node.nodeVersions).sort().reverse();
						for (const key of keys) {
							const fn = node.nodeVersions[Number(key)].methods?.credentialTest?.[testedBy];
							if (fn) return { kind: 'function', fn };
						}
					}
					const fn = (node as INodeType).methods?.credentialTest?.[testedBy];
					return fn ? { kind: 'function', fn } : undefined;
				}
				return { kind: 'request', testRequest: testedBy, nodeType };
			}
		}
	}
	return undefined;
}

/**
 * Test a credential the way n8n's credential tester does (cli CredentialsTester.testCredentials):
 * defaults and expressions applied in mode 'internal', then either the node's test function or
 * the `test.request` run through n8n-core's RoutingNode on a temporary No-Op node (so baseURL/url
 * expressions see `$credentials`, authenticate / preAuthentication are applied), non-2xx answers
 * mapped to Error (with `rules` of type responseCode / responseSuccessBody honoured).
 */
export async function testCredential(credential: HarnessCredential, packageRoot?: string): Promise<CredentialTestResult> {
	const pkg = await loadPackage(packageRoot);
	const credentialsHelper = new HarnessCredentialsHelper(pkg);
	const details = { id: 'credential-test', name: 'test' };
	credentialsHelper.addCredential(details, credential.type, credential.data);

	const now = new Date();
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: 'credential-test',
		mode: 'internal',
		workflowData: {
			id: 'credential-test',
			name: 'Credential test',
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: now,
			updatedAt: now,
			nodes: [],
			connections: {},
		},
	});

	const test = findCredentialTest(pkg, credential.type);
	if (test === undefined) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: details.id,
		name: details.name,
		type: credential.type,
		data: deepCopy(credential.data),
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credential.type,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	if (test.kind === 'function') {
		const result = await test.fn.call(new CredentialTestContext(additionalData), credentialsDecrypted);
		return result as CredentialTestResult;
	}

	const hostDescription = test.nodeType?.description ?? NO_OP_DESCRIPTION;
	const nodeTypeCopy: INodeType = {
		description: {
			...hostDescription,
			credentials: [{ name: credential.type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeTypeCopy, version),
		getKnownTypes: () => ({}),
	};
	const { version } = nodeTypeCopy.description;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeTypeCopy.description.name,
		typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
		position: [0, 0],
		credentials: { [credential.type]: { id: details.id, name: details.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const statusCode = cause.response.status;
			for (const rule of test.testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}

	for (const rule of test.testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (getPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function getPath(value: unknown, key: string): unknown {
	let current = value;
	for (const part of key.replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}
