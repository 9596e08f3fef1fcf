// The example workflows of examples/ and the credential they name, pointed at a sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './paths';

export const EXAMPLES_DIR = join(ROOT, 'examples');
/** The credential id the examples reference; `npm start` imports one with this id for the sandbox. */
export const EXAMPLE_CREDENTIAL = { id: 'ghlSandboxPit001', name: 'HighLevel sandbox' };

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

export function loadExamples(): WorkflowJson[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson);
}

export function sandboxCredential(baseUrl: string, token: string, locationId: string) {
	return { ...EXAMPLE_CREDENTIAL, type: 'goHighLevelPrivateIntegrationApi', data: { token, locationId, baseUrl } };
}
