/**
 * In-engine test harness: runs this package's nodes and credentials through n8n-core's real
 * engine (PackageDirectoryLoader → Workflow → WorkflowExecute / PollContext / RoutingNode),
 * with requests going over real HTTP. See README.md in this folder.
 */
import './env';

export type {
	CredentialTestResult,
	HarnessCredential,
	RunNodeOptions,
	RunNodeResult,
	RunPollOptions,
	RunPollResult,
} from './types';
export type { LoadedPackage } from './package-loader';
export type { RunPollExtraOptions } from './run-poll';

export { DEFAULT_PACKAGE_ROOT, loadPackage } from './package-loader';
export { runNode } from './run-node';
export { runPoll } from './run-poll';
export { runLoadOptions } from './run-load-options';
export { startWebhookTrigger } from './run-webhook';
export type { WebhookRequestRecord, WebhookTriggerOptions, WebhookTriggerServer } from './run-webhook';
export { testCredential } from './test-credential';
export { HarnessCredentialsHelper } from './credentials-helper';
export { HarnessNodeTypes, HarnessStartNode, START_NODE_NAME, START_NODE_TYPE } from './node-types';
export { createAdditionalData, INSTANCE_BASE_URL } from './additional-data';
export { BUILTIN_CREDENTIAL_TYPES } from './builtin-credentials';
export { processedCount, useHarnessDeduplication } from './deduplication';
export { freshProcessPackageRoot, removeProcessCopies } from './processes';
