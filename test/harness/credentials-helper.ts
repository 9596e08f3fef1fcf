import './env';

import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IGetDecryptedCredentialsOptions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	UserError,
	deepCopy,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';

import type { LoadedPackage } from './package-loader';

/**
 * OAuth endpoint / flow fields that n8n's server treats as owned by the credential type: when
 * the type declares them `hidden`, a stored value is dropped so the type's default applies
 * (cli CredentialsHelper.applyDefaultsAndOverwrites, `MANAGED_OAUTH_PINNED_FIELDS`).
 */
const OAUTH_PINNED_FIELDS = ['authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'requestTokenUrl', 'signatureMethod'];

/** Fields n8n copies from the stored data when dynamic client registration is on. */
const DCR_MANAGED_FIELDS = ['authUrl', 'accessTokenUrl', 'grantType', 'authentication', 'usePkce', 'clientId', 'clientSecret'];

/**
 * The helpers a credential's preAuthentication gets: only httpRequest, restricted to the
 * credential's own allowed domains (cli `restrictToCredentialDomains`).
 */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

const mockNode: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

const mockNodeType = { description: { properties: [] as INodeProperties[] } } as unknown as INodeType;
const mockNodeTypes: INodeTypes = {
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
	getKnownTypes: () => ({}),
};

interface StoredCredential {
	type: string;
	nodeCredentials: INodeCredentialsDetails;
	data: ICredentialDataDecryptedObject;
}

/** The stored ("encrypted in the DB") credential, as n8n-core's Credentials would expose it. */
class HarnessStoredCredentials extends ICredentials {
	constructor(private readonly entry: StoredCredential) {
		super(entry.nodeCredentials, entry.type, undefined);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.entry.data);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.entry.data) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.entry.data = deepCopy(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []): Promise<void> {
		const next = { ...this.entry.data, ...deepCopy(toUpdate) } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete next[key];
		this.entry.data = next;
	}
}

/**
 * An ICredentialsHelper that keeps credentials in memory and otherwise behaves like the n8n
 * server's CredentialsHelper (packages/cli/src/credentials-helper.ts):
 * - getDecrypted: stored data (raw) or stored data + defaults of all (merged parent) properties,
 *   hidden OAuth endpoint fields taken from the type, `oauthTokenData` kept, and every
 *   `={{...}}` value resolved through the workflow expression engine with `$self` = the
 *   credential data (so `accessTokenUrl: '={{$self["baseUrl"]}}/oauth/token'` works).
 * - authenticate: function authenticate is called; generic authenticate values are resolved
 *   with `$credentials` via workflow.expression.getSimpleParameterValue (mode 'internal').
 * - preAuthentication (expirable hidden property) persists via updateCredentials;
 *   runPreAuthentication is the in-memory variant requestOAuth2 uses.
 * - updateCredentialsOauthTokenData stores only `data.oauthTokenData` (as the server does) and counts.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	tokenUpdates = 0;

	readonly tokenUpdateCalls: ICredentialDataDecryptedObject[] = [];

	credentialUpdates = 0;

	constructor(private readonly pkg: LoadedPackage) {
		super();
	}

	/** Save a credential as a user would (the data a user typed; defaults are applied on read). */
	addCredential(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): void {
		this.pkg.getCredentialType(type); // fail early on an unknown type
		this.store.set(this.key(nodeCredentials, type), { type, nodeCredentials, data: deepCopy(data) });
	}

	/** The stored data (a copy) of a credential. */
	getStoredData(nodeCredentials: INodeCredentialsDetails, type: string): ICredentialDataDecryptedObject {
		return deepCopy(this.entry(nodeCredentials, type).data);
	}

	getParentTypes(name: string): string[] {
		return this.pkg.hasCredentialType(name) ? this.pkg.getParentTypes(name) : [];
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.pkg.hasCredentialType(credentialType)) return true;
		const type = this.pkg.getCredentialType(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		const supported = this.pkg.loader.known.credentials[credentialType]?.supportedNodes ?? [];
		return supported.map((name) => this.pkg.fullNodeType(name)).includes(nodeType);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.pkg.getCredentialProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const { authenticate } = this.pkg.getCredentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate && typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			requestOptions.headers ??= {};
			if (authenticate.type === 'generic') {
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
						const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
						const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
						const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
						target[outerKey] ??= {};
						target[outerKey]![keyResolved] = valueResolved;
					}
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.pkg.getCredentialType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined) return undefined;
		if (typeof credentialType.preAuthentication !== 'function') return undefined;

		// The credential tester runs requests through a temp noOp node with parameter temp = ''.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isTestingCredentials)) return undefined;

		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[credentialType.name];
		if (nodeCredentials) {
			// Persist the new token, but never overwrite a field stored as an expression.
			const stored = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
			const toPersist: ICredentialDataDecryptedObject = { ...stored };
			for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
				if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
			}
			await this.updateCredentials(nodeCredentials, credentialType.name, toPersist);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.pkg.getCredentialType(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new HarnessStoredCredentials(this.entry(nodeCredentials, type));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
		_options?: IGetDecryptedCredentialsOptions,
	): Promise<ICredentialDataDecryptedObject> {
		const original = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return original;
		return await this.applyDefaultsAndOverwrites(additionalData, original, type, mode, executeData, expressionResolveValues);
	}

	/** Defaults + type-owned OAuth fields + expression resolution, as the server does for getDecrypted and the credential tester. */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		original: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);

		const storedData = { ...original };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete storedData[field];
		}

		let data = NodeHelpers.getNodeParameters(
			properties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		if (data.allowedHttpRequestDomains === undefined && original.allowedHttpRequestDomains !== undefined) {
			data.allowedHttpRequestDomains = original.allowedHttpRequestDomains;
		}
		if (data.allowedDomains === undefined && original.allowedDomains !== undefined) {
			data.allowedDomains = original.allowedDomains;
		}
		if (data.useDynamicClientRegistration) {
			for (const field of DCR_MANAGED_FIELDS) data[field] = original[field];
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				data = expressionResolveValues.workflow.expression.getParameterValue(
					data as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({ nodes: [{ ...mockNode }], connections: {}, active: false, nodeTypes: mockNodeTypes });
			await workflow.expression.acquireIsolate();
			try {
				data = workflow.expression.getComplexParameterValue(
					mockNode,
					data as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					data,
				) as ICredentialDataDecryptedObject;
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.credentialUpdates++;
		await (await this.getCredentials(nodeCredentials, type)).setData(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
		_additionalData: IWorkflowExecuteAdditionalData,
	): Promise<void> {
		this.tokenUpdates++;
		this.tokenUpdateCalls.push(deepCopy(data));
		await (await this.getCredentials(nodeCredentials, type)).updateData({ oauthTokenData: data.oauthTokenData });
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(node, parameterValue, 'internal', additionalKeys, undefined, '');
		if (!value) return '';
		return String(value);
	}

	private key(nodeCredentials: INodeCredentialsDetails, type: string): string {
		return `${type}\u0000${nodeCredentials.id ?? ''}`;
	}

	private entry(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const entry = this.store.get(this.key(nodeCredentials, type));
		if (!entry) {
			throw new UnexpectedError(
				`Harness has no credential of type "${type}" with id "${nodeCredentials.id ?? ''}" — pass \`credentials: { type: '${type}', data }\``,
			);
		}
		return entry;
	}
}
