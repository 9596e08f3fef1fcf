// A "restarted n8n process" for the package under test: a copy of its package.json and dist/ in a
// temporary directory, so that loading it creates every module afresh (no in-memory state of the
// nodes survives), while n8n-core, n8n-workflow and the harness's stand-ins for n8n's database
// (static data handed over, deduplication store) stay the ones of this test process.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEFAULT_PACKAGE_ROOT } from './package-loader';

const copies: string[] = [];

/** The package root of a fresh process: pass it as `packageRoot`. */
export function freshProcessPackageRoot(packageRoot: string = DEFAULT_PACKAGE_ROOT): string {
	const root = mkdtempSync(path.join(tmpdir(), 'ghl-process-'));
	cpSync(path.join(packageRoot, 'package.json'), path.join(root, 'package.json'));
	cpSync(path.join(packageRoot, 'dist'), path.join(root, 'dist'), { recursive: true });
	// Dependencies resolve to the real ones, so errors and engine classes are the same instances.
	symlinkSync(path.join(packageRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
	copies.push(root);
	return root;
}

/** Removes the copies made by this test process. */
export function removeProcessCopies(): void {
	for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
}
