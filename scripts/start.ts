// `npm start`: the product on this machine. A real n8n 2.41 (provisioned into .n8n-local/ on the
// first run) with this package installed as a community package, the HighLevel sandbox with demo
// data, ready credentials pointing at it and the example workflows. Ctrl+C stops both.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLE_CREDENTIAL, loadExamples, oauthCredential, sandboxCredential, tokenCredential, useSigningKeys } from './n8n/examples';
import { N8nInstance, freePort } from './n8n/instance';
import { installPackage, packPackage } from './n8n/package';
import { LOCAL, START_HOME } from './n8n/paths';
import { provisionN8n } from './n8n/provision';
import { DEMO, sandboxWebhookSigner, startSandbox } from '../sandbox';
import { intEnv } from '../sandbox/util';

const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Owner-1', firstName: 'Sandbox', lastName: 'Owner' };

async function main(): Promise<void> {
	const runtime = await provisionN8n();
	installPackage(START_HOME, packPackage());
	const sandbox = await startSandbox({ port: intEnv('HIGHLEVEL_SANDBOX_PORT', 4010), seedContacts: intEnv('HIGHLEVEL_SANDBOX_CONTACTS', 50), requestLogLimit: 100_000 });
	const n8n = new N8nInstance(runtime, { userFolder: START_HOME, port: intEnv('N8N_PORT', 5678), brokerPort: await freePort() });

	console.log('Importing credentials and example workflows …');
	await n8n.importCredentials([
		sandboxCredential(sandbox.url),
		tokenCredential({ id: 'ghlSandboxAgency1', name: 'HighLevel sandbox (agency)' }, sandbox.url, DEMO.agencyPrivateToken),
		oauthCredential({ id: 'ghlSandboxOAuth01', name: 'HighLevel sandbox (OAuth2: click Connect)' }, sandbox.url),
	]);
	// The webhook example verifies signatures with the sandbox's test keys instead of HighLevel's.
	const examples = loadExamples();
	useSigningKeys(examples, sandboxWebhookSigner());
	await n8n.importWorkflows(examples);

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the sandbox …`);
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	console.log(`Starting n8n (user folder ${START_HOME}) …`);
	const logFile = join(LOCAL, 'n8n.log');
	writeFileSync(logFile, '');
	await n8n.start(180_000, (line) => appendFileSync(logFile, `${line}\n`));
	await n8n.setupOwner(OWNER).catch(() => undefined); // already set up on an earlier run
	console.log(
		[
			'',
			`n8n is running:           ${n8n.url}`,
			`  sign in as              ${OWNER.email} / ${OWNER.password}`,
			`  nodes                   GoHighLevel, GoHighLevel Trigger, GoHighLevel Webhook Trigger (package n8n-nodes-gohighlevel)`,
			`  credentials             "${EXAMPLE_CREDENTIAL.name}" (location token), "HighLevel sandbox (agency)", "HighLevel sandbox (OAuth2: click Connect)"`,
			`  n8n log                 ${logFile}`,
			`  example workflows       ${examples
				.map((w) => `"${w.name}"`)
				.join(', ')}`,
			`HighLevel sandbox:        ${sandbox.url}  (${join('sandbox', 'README.md')}: admin endpoints, demo ids)`,
			`  location                ${DEMO.locationId}`,
			`  signed test webhooks    POST ${sandbox.url}/__sandbox/webhooks/send {"url": "${n8n.url}/webhook/<webhook id>/gohighlevel", "event": {...}}`,
			'',
			'Ctrl+C stops both.',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
