// Shared set-up of the end-to-end suites: the provisioned n8n (scripts/n8n), a fresh user folder
// with the packed package installed as a community package, and a sandbox in this process.
import { existsSync } from 'node:fs';

import type { IDataObject } from 'n8n-workflow';

import { oauthCredential, tokenCredential } from '../../scripts/n8n/examples';
import { N8nInstance } from '../../scripts/n8n/instance';
import { freshUserFolder, packedTarball } from '../../scripts/n8n/package';
import { provisionN8n } from '../../scripts/n8n/provision';
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { AGENCY_CREDENTIAL, OAUTH_CREDENTIAL, PIT_CREDENTIAL } from './workflows';

/** The tarball jest's global set-up packed (test/e2e/globalSetup.ts). */
function globalSetupTarball(): string {
	const file = packedTarball();
	if (!existsSync(file)) throw new Error(`${file} is missing: run the end-to-end tests through jest.e2e.config.js (its global set-up packs the build)`);
	return file;
}

export async function newInstance(label: string, env: NodeJS.ProcessEnv = {}): Promise<N8nInstance> {
	return await N8nInstance.create(await provisionN8n(), freshUserFolder(label, globalSetupTarball()), env);
}

export async function newSandbox(): Promise<Sandbox> {
	return await startSandbox({ port: 0, seedContacts: 20 });
}

/** OAuth tokens from the sandbox's authorization-code flow, as n8n's OAuth2 callback would get them. */
export async function oauthTokens(sandbox: Sandbox): Promise<IDataObject> {
	const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
	const authorize = await fetch(
		`${sandbox.url}/v2/oauth/chooselocation?response_type=code&client_id=${DEMO.clientId}&redirect_uri=${encodeURIComponent(redirect)}&scope=contacts.readonly&state=e2e`,
		{ redirect: 'manual' },
	);
	const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code');
	if (!code) throw new Error(`the sandbox gave no authorization code (${authorize.status})`);
	const token = await fetch(`${sandbox.url}/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: DEMO.clientId, client_secret: DEMO.clientSecret, redirect_uri: redirect }),
	});
	if (!token.ok) throw new Error(`token exchange failed: ${token.status} ${await token.text()}`);
	return (await token.json()) as IDataObject;
}

/** The three credentials the e2e workflows use, pointing at `sandbox`. */
export function sandboxCredentials(sandbox: Sandbox, oauth: IDataObject): object[] {
	return [
		tokenCredential(PIT_CREDENTIAL, sandbox.url, DEMO.locationPrivateToken, DEMO.locationId),
		tokenCredential(AGENCY_CREDENTIAL, sandbox.url, DEMO.agencyPrivateToken),
		// An access token the sandbox no longer accepts: n8n must refresh it before the request succeeds.
		oauthCredential(OAUTH_CREDENTIAL, sandbox.url, { ...oauth, access_token: 'expired-access-token-from-an-earlier-day' }),
	];
}
