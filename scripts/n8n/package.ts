// Installs the built package into an n8n user folder the way n8n installs a community package
// (CommunityPackagesService.downloadPackage in n8n 2.41): `npm pack`, extract into
// <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies from its
// package.json, and record it in <user folder>/.n8n/nodes/package.json. n8n then loads it as
// `n8n-nodes-gohighlevel.<node>` at startup, exactly as after an install from npm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCAL, ROOT, communityNodesDir } from './paths';

interface Manifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

export const PACKAGE_NAME = 'n8n-nodes-gohighlevel';
const PACK_DIR = join(LOCAL, 'pack');

/** Where packPackage() leaves the tarball of the current version. */
export function packedTarball(): string {
	const { name, version } = manifest();
	return join(PACK_DIR, `${name}-${version}.tgz`);
}

/** `npm pack` of the current build (run `npm run build` first); returns the tarball path. */
export function packPackage(): string {
	const { n8n } = manifest();
	const missing = [...n8n.nodes, ...n8n.credentials].filter((file) => !existsSync(join(ROOT, file)));
	if (missing.length) throw new Error(`the build is incomplete (run \`npm run build\`): ${missing.join(', ')} missing`);
	rmSync(PACK_DIR, { recursive: true, force: true });
	mkdirSync(PACK_DIR, { recursive: true });
	execFileSync('npm', ['pack', '--pack-destination', PACK_DIR], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = packedTarball();
	if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}`);
	return tarball;
}

export function installPackage(userFolder: string, tarball: string): string {
	const nodesDir = communityNodesDir(userFolder);
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const manifestPath = join(target, 'package.json');
	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...installed } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	writeFileSync(manifestPath, JSON.stringify(installed, null, 2));
	const nodesManifest = join(nodesDir, 'package.json');
	let nodes: { name: string; private: boolean; dependencies: Record<string, string> } = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		nodes = JSON.parse(readFileSync(nodesManifest, 'utf8')) as typeof nodes;
	} catch {
		// first install into this user folder
	}
	nodes.dependencies = { ...nodes.dependencies, [PACKAGE_NAME]: String(installed.version) };
	writeFileSync(nodesManifest, JSON.stringify(nodes, null, 2));
	return target;
}

/** A fresh temporary user folder under .n8n-local/ with the package installed. */
export function freshUserFolder(label: string, tarball: string): string {
	mkdirSync(join(LOCAL, 'tmp'), { recursive: true });
	const folder = mkdtempSync(join(LOCAL, 'tmp', `${label}-`));
	installPackage(folder, tarball);
	return folder;
}
