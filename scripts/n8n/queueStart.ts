// `npm run start:queue`: the product in n8n's queue mode on this machine. A throwaway PostgreSQL
// and Redis, n8n main + 2 workers + 2 webhook processors (scripts/n8n/queue.ts) with this package
// installed, the HighLevel sandbox with demo data, credentials pointing at it and the example
// workflows. Ctrl+C stops everything and removes the database and the queue.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO, sandboxWebhookSigner, startSandbox } from '../../sandbox';
import { intEnv } from '../../sandbox/util';
import { EXAMPLE_CREDENTIAL, loadExamples, oauthCredential, sandboxCredential, tokenCredential, useSigningKeys } from './examples';
import { packPackage } from './package';
import { LOCAL } from './paths';
import { provisionN8n } from './provision';
import { QueueTopology } from './queue';

const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Owner-1', firstName: 'Sandbox', lastName: 'Owner' };

async function main(): Promise<void> {
	const runtime = await provisionN8n();
	const tarball = packPackage();
	const sandbox = await startSandbox({ port: intEnv('HIGHLEVEL_SANDBOX_PORT', 4010), seedContacts: intEnv('HIGHLEVEL_SANDBOX_CONTACTS', 50), requestLogLimit: 100_000 });
	const logFile = join(LOCAL, 'n8n-queue.log');
	writeFileSync(logFile, '');
	console.log('Starting PostgreSQL and Redis …');
	const queue = await QueueTopology.create(runtime, {
		tarball,
		mainPort: intEnv('N8N_PORT', 5678),
		onOutput: (name, line) => appendFileSync(logFile, `[${name}] ${line}\n`),
	});

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n (5 processes), Redis, PostgreSQL and the sandbox …`);
		await queue.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const examples = loadExamples();
	useSigningKeys(examples, sandboxWebhookSigner());
	try {
		console.log('Importing credentials and example workflows …');
		await queue.main.instance.importCredentials([
			sandboxCredential(sandbox.url),
			tokenCredential({ id: 'ghlSandboxAgency1', name: 'HighLevel sandbox (agency)' }, sandbox.url, DEMO.agencyPrivateToken),
			oauthCredential({ id: 'ghlSandboxOAuth01', name: 'HighLevel sandbox (OAuth2: click Connect)' }, sandbox.url),
		]);
		await queue.main.instance.importWorkflows(examples);
		console.log('Starting n8n main, 2 workers and 2 webhook processors …');
		await queue.start();
		await queue.main.instance.setupOwner(OWNER).catch(() => undefined);
	} catch (error) {
		await queue.stop();
		await sandbox.close();
		throw error;
	}
	const webhookPath = '/webhook/<webhook id>/gohighlevel';
	console.log(
		[
			'',
			`n8n (queue mode) main:    ${queue.main.url}  (editor, REST, polling triggers)`,
			`  sign in as              ${OWNER.email} / ${OWNER.password}`,
			...queue.workers.map((w) => `  ${w.name.padEnd(22)}  runs executions (n8n worker)`),
			...queue.webhookProcessors.map((w) => `  ${w.name.padEnd(22)}  ${w.url}${webhookPath}`),
			`  PostgreSQL              127.0.0.1:${queue.postgres.port} (database n8n, user n8n)`,
			`  Redis                   127.0.0.1:${queue.redis.port}`,
			`  credentials             "${EXAMPLE_CREDENTIAL.name}" (location token), "HighLevel sandbox (agency)", "HighLevel sandbox (OAuth2: click Connect)"`,
			`  n8n logs                ${logFile}`,
			`  example workflows       ${examples.map((w) => `"${w.name}"`).join(', ')} (publish them in the editor)`,
			`HighLevel sandbox:        ${sandbox.url}  (${join('sandbox', 'README.md')}: admin endpoints, demo ids)`,
			'',
			'Ctrl+C stops everything (the database and the queue are thrown away).',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
