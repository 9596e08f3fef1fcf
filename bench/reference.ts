// n8n's built-in HighLevel node (from the n8n-nodes-base package that ships with n8n 2.41.1), as a
// reference to measure against. Fetched from the npm registry on first use into bench/.reference
// (git-ignored); only its HighLevel files are kept, loaded as a small package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REFERENCE_VERSION = '2.41.1';
export const REFERENCE_ROOT = join(__dirname, '.reference', 'n8n-nodes-highlevel-reference');

export function ensureReference(): string {
	if (existsSync(join(REFERENCE_ROOT, 'package.json'))) return REFERENCE_ROOT;
	mkdirSync(REFERENCE_ROOT, { recursive: true });
	const tarball = execFileSync('npm', ['pack', `n8n-nodes-base@${REFERENCE_VERSION}`, '--silent', '--pack-destination', REFERENCE_ROOT], {
		encoding: 'utf8',
	}).trim().split('\n').pop()!;
	execFileSync('tar', [
		'xzf',
		join(REFERENCE_ROOT, tarball),
		'-C',
		REFERENCE_ROOT,
		'--strip-components=1',
		'package/dist/nodes/HighLevel',
		'package/dist/credentials/HighLevelOAuth2Api.credentials.js',
	]);
	writeFileSync(
		join(REFERENCE_ROOT, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-highlevel-reference',
				version: REFERENCE_VERSION,
				n8n: {
					n8nNodesApiVersion: 1,
					nodes: ['dist/nodes/HighLevel/HighLevel.node.js'],
					credentials: ['dist/credentials/HighLevelOAuth2Api.credentials.js'],
				},
			},
			null,
			2,
		),
	);
	return REFERENCE_ROOT;
}
