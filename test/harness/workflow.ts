import './env';

import { randomUUID } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INodeParameters,
	INode,
	INodeCredentialsDetails,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ErrorCapture, HarnessNodeTypes, START_NODE_NAME, START_NODE_TYPE } from './node-types';
import type { LoadedPackage } from './package-loader';
import { loadPackage } from './package-loader';
import type { RunNodeOptions } from './types';

let runCounter = 0;

/** Everything one harness run needs: a fresh Workflow, credentials helper and additionalData. */
export interface PreparedRun {
	pkg: LoadedPackage;
	node: INode;
	fullType: string;
	workflow: Workflow;
	workflowData: IWorkflowBase;
	credentialsHelper: HarnessCredentialsHelper;
	nodeCredentials?: { type: string; details: INodeCredentialsDetails };
	additionalData: ReturnType<typeof createAdditionalData>;
	capture: ErrorCapture;
	/** Current stored data of the run's credential ({} without one). */
	credentialData(): ICredentialDataDecryptedObject;
}

export async function prepareRun(
	options: RunNodeOptions,
	mode: WorkflowExecuteMode,
	extra: { withStartNode: boolean; staticData?: IDataObject },
): Promise<PreparedRun> {
	const pkg = await loadPackage(options.packageRoot);
	const shortName = options.nodeType ?? 'goHighLevel';
	const fullType = pkg.fullNodeType(shortName);
	const loadedType = pkg.getNodeType(shortName);
	const typeVersion = options.typeVersion ?? pkg.defaultVersion(shortName);
	const nodeName = options.nodeName ?? loadedType.description.displayName;
	const runId = ++runCounter;

	const credentialsHelper = new HarnessCredentialsHelper(pkg);
	let nodeCredentials: PreparedRun['nodeCredentials'];
	if (options.credentials) {
		// A distinct id per run: n8n-core de-duplicates concurrent OAuth2 refreshes per credential id.
		const details: INodeCredentialsDetails = { id: String(runId), name: 'test' };
		credentialsHelper.addCredential(details, options.credentials.type, options.credentials.data);
		nodeCredentials = { type: options.credentials.type, details };
	}

	const node: INode = {
		id: randomUUID(),
		name: nodeName,
		type: fullType,
		typeVersion,
		position: [250, 0],
		parameters: structuredClone(options.parameters) as INodeParameters,
		...(nodeCredentials && { credentials: { [nodeCredentials.type]: { ...nodeCredentials.details } } }),
		...(options.continueOnFail && { onError: 'continueRegularOutput' as const }),
		...(options.retry && { retryOnFail: true, ...options.retry }),
	};

	const nodes: INode[] = [node];
	const connections: IConnections = {};
	if (extra.withStartNode) {
		nodes.unshift({
			id: randomUUID(),
			name: START_NODE_NAME,
			type: START_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		});
		connections[START_NODE_NAME] = { main: [[{ node: nodeName, type: 'main', index: 0 }]] };
	}

	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: `harness-wf-${runId}`,
		name: `Harness workflow ${runId}`,
		active: mode === 'trigger',
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		staticData: extra.staticData,
	};

	const capture = new ErrorCapture();
	const nodeTypes = new HarnessNodeTypes(pkg, { fullType, capture });
	// The Workflow constructor fills in parameter defaults on the node objects it is given.
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections,
		active: workflowData.active,
		nodeTypes,
		staticData: extra.staticData,
		settings: workflowData.settings,
	});

	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: `harness-exec-${runId}`,
		mode,
		workflowData,
	});

	return {
		pkg,
		node: workflow.getNode(nodeName)!,
		fullType,
		workflow,
		workflowData,
		credentialsHelper,
		nodeCredentials,
		additionalData,
		capture,
		credentialData: () =>
			nodeCredentials ? credentialsHelper.getStoredData(nodeCredentials.details, nodeCredentials.type) : {},
	};
}
