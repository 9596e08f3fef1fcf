// `npm run sandbox`: the sandbox as a long-running local server.
import { DEMO, startSandbox } from './index';
import { intEnv, latencyEnv } from './util';

async function main(): Promise<void> {
	const port = intEnv('HIGHLEVEL_SANDBOX_PORT', 4010);
	const contacts = intEnv('HIGHLEVEL_SANDBOX_CONTACTS', 50);
	const requestLogLimit = intEnv('HIGHLEVEL_SANDBOX_LOG_LIMIT', 100_000);
	const latency = latencyEnv('HIGHLEVEL_SANDBOX_LATENCY_MS');
	const sandbox = await startSandbox({ port, seedContacts: contacts, requestLogLimit, latency });
	const lines = [
		`HighLevel sandbox listening on ${sandbox.url}  (${contacts} contacts seeded${latency ? `, ${latency.minMs}–${latency.maxMs} ms per answer` : ''})`,
		'',
		`  companyId             ${DEMO.companyId}`,
		`  locationId            ${DEMO.locationId}  (Sandbox Dental)`,
		`  otherLocationId       ${DEMO.otherLocationId}`,
		`  userIds               ${DEMO.userIds.join(', ')}`,
		`  OAuth client          ${DEMO.clientId} / ${DEMO.clientSecret}`,
		`  authorization URL     ${sandbox.url}/v2/oauth/chooselocation`,
		`  token URL             ${sandbox.url}/oauth/token`,
		`  location PIT          ${DEMO.locationPrivateToken}`,
		`  agency PIT            ${DEMO.agencyPrivateToken}`,
		'',
		`  admin                 ${sandbox.url}/__sandbox/health  (see sandbox/README.md)`,
		'Ctrl+C to stop.',
	];
	console.log(lines.join('\n'));

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
