// Fails when a declared action or trigger event never ran successfully through the n8n engine in
// the test suite (the harness logs each one to GHL_OPERATIONS_LOG). "In the dropdown" must mean "tested".
import { existsSync, readFileSync } from 'node:fs';

import { catalog } from './catalog';

const file = process.env.GHL_OPERATIONS_LOG ?? '.test-output/operations.jsonl';
if (!existsSync(file)) {
	process.stderr.write(`No operations log at ${file}: run the engine tests with GHL_OPERATIONS_LOG set\n`);
	process.exit(1);
}
const ran = new Set(
	readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const entry = JSON.parse(line) as { node: string; key: string };
			return `${entry.node} ${entry.key}`;
		}),
);
// Each action must have run in the node that offers it.
const declared = catalog().map((e) => `${e.nodeType} ${e.key}`);
const missing = declared.filter((key) => !ran.has(key));
if (missing.length) {
	process.stderr.write(`${missing.length} declared actions or events never ran successfully in a test:\n  ${missing.join('\n  ')}\n`);
	process.exit(1);
}
process.stdout.write(
	`All ${declared.length} declared actions and trigger events ran successfully against the sandbox in the engine tests\n`,
);
