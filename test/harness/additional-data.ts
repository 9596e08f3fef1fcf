import './env';

import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type { IWorkflowBase, IWorkflowExecuteAdditionalData, WorkflowExecuteMode } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials-helper';

/** Base URL of the imaginary n8n instance (never contacted; only has to be a valid URL). */
export const INSTANCE_BASE_URL = 'http://127.0.0.1:5678/';

const unsupported = (what: string) => async () => {
	throw new UnexpectedError(`${what} is not supported by the test harness`);
};

/**
 * IWorkflowExecuteAdditionalData as n8n's WorkflowExecuteAdditionalData.getBase would build it,
 * minus the server services. Every URL is valid (getAdditionalKeys builds `new URL(...)` from the
 * waiting URLs when a resume token is present), `variables` backs `$vars`, `hooks` are real
 * ExecutionLifecycleHooks (WorkflowExecute asserts they exist).
 */
export function createAdditionalData(options: {
	credentialsHelper: HarnessCredentialsHelper;
	executionId: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
}): IWorkflowExecuteAdditionalData & { hooks: ExecutionLifecycleHooks } {
	const { credentialsHelper, executionId, mode, workflowData } = options;
	const base = INSTANCE_BASE_URL.replace(/\/$/, '');
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId: workflowData.id,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: INSTANCE_BASE_URL,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask (Code node task runner)'),
	} as IWorkflowExecuteAdditionalData & { hooks: ExecutionLifecycleHooks };
}
