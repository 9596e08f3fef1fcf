import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * With GHL_OPERATIONS_LOG set, notes each action (resource:operation) and trigger event that ran
 * without error, so `scripts/check-operation-coverage.ts` can prove all of them ran against the sandbox.
 */
export function recordOperation(node: string, key: string): void {
	const file = process.env.GHL_OPERATIONS_LOG;
	if (!file) return;
	mkdirSync(dirname(file), { recursive: true });
	appendFileSync(file, `${JSON.stringify({ node, key })}\n`);
}
