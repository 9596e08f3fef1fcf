import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IRunData,
	IRun,
} from 'n8n-workflow';

/** A credential as a test supplies it: the type name and the data a user would have saved. */
export interface HarnessCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface RunNodeOptions {
	/** Package root holding package.json with an `n8n` section. Default: the repository root. */
	packageRoot?: string;
	/** Short node name inside the package (`description.name`). Default 'goHighLevel'. */
	nodeType?: string;
	/** Default: the node's default version (`defaultVersion`, else the latest). */
	typeVersion?: number;
	/** Node parameters as stored in a workflow (IDataObject accepted for convenience). */
	parameters: INodeParameters | IDataObject;
	/** Attached to the node as `credentials[type] = { id, name: 'test' }`. */
	credentials?: HarnessCredential;
	/** Fed to the node from the Manual-Trigger stand-in. Default `[{ json: {} }]`. */
	inputItems?: INodeExecutionData[];
	/** Node setting `onError: 'continueRegularOutput'`. */
	continueOnFail?: boolean;
	/** Node name in the workflow. Default: the node's displayName. */
	nodeName?: string;
	/** The node settings Retry On Fail, Max. Tries and Wait Between Tries (ms), as n8n stores them. */
	retry?: { maxTries?: number; waitBetweenTries?: number };
}

export interface RunNodeResult {
	/** Main output 0 of the node under test (empty when it failed). */
	items: INodeExecutionData[];
	/** All main outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error, when its task recorded one: the instance thrown out of `execute()`
	 * (NodeApiError / NodeOperationError ...). For errors that did not come out of
	 * `execute()` (declarative nodes) this is the engine's serialised copy from runData.
	 * Also set when continueOnFail let the workflow go on after the node threw.
	 */
	error?: ExecutionBaseError;
	/** The stored credential data after the run (OAuth token / preAuthentication updates applied). */
	credentialData: ICredentialDataDecryptedObject;
	/** How many times `updateCredentialsOauthTokenData` was called. */
	tokenUpdates: number;
	/** The `data` argument of every `updateCredentialsOauthTokenData` call (deep copies). */
	tokenUpdateCalls: ICredentialDataDecryptedObject[];
	/** How many times `updateCredentials` was called (preAuthentication persisting a token). */
	credentialUpdates: number;
	runData: IRunData;
	/** The full IRun returned by processRunExecutionData. */
	run: IRun;
	nodeName: string;
}

export interface RunPollOptions extends Omit<RunNodeOptions, 'inputItems' | 'continueOnFail'> {
	/** 'manual' = "Fetch test event" in the editor; 'trigger' = a scheduled poll of an active workflow. */
	mode?: 'manual' | 'trigger';
	/** Workflow static data (the whole object, keys like `node:<name>`). Not mutated; a copy is used. */
	staticData?: IDataObject;
}

export interface RunPollResult {
	result: INodeExecutionData[][] | null;
	/** Workflow static data after the poll, as a JSON copy (the form n8n stores it in). */
	staticData: IDataObject;
	/** The static data of the node under test, i.e. `staticData['node:<name>']` (or {}). */
	nodeStaticData: IDataObject;
	/** The engine's change flag for the static data (`__dataChanged`). */
	staticDataChanged: boolean;
	/**
	 * Whether a real n8n would keep the changed static data: true only for mode 'trigger'
	 * with changes. Manual executions never save static data (cli `hookFunctionsSave`).
	 */
	persisted: boolean;
	credentialData: ICredentialDataDecryptedObject;
	tokenUpdates: number;
	nodeName: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}
