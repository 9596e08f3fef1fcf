import './env';

import * as path from 'node:path';

import type { Container as ContainerType } from '@n8n/di';

/**
 * n8n-core's own DI container. n8n-core 2.41.1 depends on @n8n/di 0.17.0 (nested under
 * node_modules/n8n-core/node_modules) while the hoisted node_modules/@n8n/di is another
 * version, so `import { Container } from '@n8n/di'` would give a different container in
 * which n8n-core's services are not registered. Resolve the copy n8n-core itself requires.
 */
export function n8nCoreContainer(): typeof ContainerType {
	const coreDir = path.dirname(require.resolve('n8n-core'));
	const diPath = require.resolve('@n8n/di', { paths: [coreDir] });
	return (require(diPath) as { Container: typeof ContainerType }).Container;
}
