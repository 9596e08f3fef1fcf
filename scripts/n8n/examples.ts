// The example workflows of examples/ and the credentials n8n imports for a sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO } from '../../sandbox';
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

export interface CredentialRef {
	id: string;
	name: string;
}

/** `n8n import:credentials` entry of a Private Integration Token credential (agency token: no location). */
export function tokenCredential(ref: CredentialRef, baseUrl: string, token: string, locationId = '') {
	return { ...ref, type: 'goHighLevelPrivateIntegrationApi', data: { token, locationId, baseUrl } };
}

/** `n8n import:credentials` entry of an OAuth2 credential for the sandbox's demo app; with `tokens`, already connected. */
export function oauthCredential(ref: CredentialRef, baseUrl: string, tokens?: Record<string, unknown>) {
	const data: Record<string, unknown> = { baseUrl, userType: 'Location', authUrl: `${baseUrl}/v2/oauth/chooselocation`, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };
	if (tokens) data.oauthTokenData = tokens;
	return { ...ref, type: 'goHighLevelOAuth2Api', data };
}

/** The credential the examples name, with the sandbox's demo location token. */
export function sandboxCredential(baseUrl: string) {
	return tokenCredential(EXAMPLE_CREDENTIAL, baseUrl, DEMO.locationPrivateToken, DEMO.locationId);
}

/** Webhook triggers in `workflows` verify with these keys (the sandbox's) instead of HighLevel's. */
export function useSigningKeys(workflows: WorkflowJson[], keys: { ed25519PublicKeyPem: string; rsaPublicKeyPem: string }): void {
	for (const node of workflows.flatMap((w) => w.nodes)) {
		if (node.type.endsWith('.goHighLevelWebhookTrigger')) node.parameters.options = { ed25519PublicKey: keys.ed25519PublicKeyPem, rsaPublicKey: keys.rsaPublicKeyPem };
	}
}
