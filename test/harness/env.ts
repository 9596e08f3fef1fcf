/**
 * Process environment for n8n-core, set before any n8n module is loaded.
 *
 * Import this module first (index.ts and every harness module that imports n8n-core do).
 * - n8n-core's `InstanceSettings` (read by every node execution context) creates
 *   `$N8N_USER_FOLDER/.n8n/config` with an encryption key; without N8N_USER_FOLDER that is the
 *   user's home directory. We point it at a per-user temp folder and pin a test key.
 * - n8n's logger writes node errors through `ErrorReporter` at level error; silence it unless
 *   the caller asks for logs (N8N_LOG_LEVEL=debug npx jest ...).
 * Values already present in the environment are kept.
 */
import * as os from 'node:os';
import * as path from 'node:path';

const defaults: Record<string, string> = {
	N8N_USER_FOLDER: path.join(os.tmpdir(), `n8n-harness-${process.getuid?.() ?? 'user'}`),
	N8N_ENCRYPTION_KEY: 'n8n-harness-test-encryption-key',
	N8N_LOG_LEVEL: 'silent',
	N8N_DIAGNOSTICS_ENABLED: 'false',
};

for (const [name, value] of Object.entries(defaults)) {
	if (process.env[name] === undefined) process.env[name] = value;
}

export const HARNESS_ENV_READY = true;
