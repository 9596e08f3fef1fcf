// Proof over the whole contract: every operation answers a minimal valid request (built from the
// spec) with a status the spec documents, and a body that validates against the spec's response
// schema (with only the departures listed in sandbox/specDepartures.ts).
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { loadContract } from '../../sandbox/contract';
import { ROUTES, routeKey } from '../../sandbox/routes';
import { operationDeparture } from '../../sandbox/specDepartures';
import { call } from './helpers';
import { buildRequest, demoIds, responseValidator, sampleData } from './conformance';

const contract = loadContract();
const handWritten = new Set(ROUTES.map((r) => routeKey(r.method, r.path)));
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimit: { max: 1_000_000 } });
});
afterAll(() => sandbox.close());

describe('every operation of the contract', () => {
	it('has all 576 operations in the contract', () => {
		expect(contract.operations).toHaveLength(576);
	});

	it('answers a minimal valid request per the spec (status documented, body valid)', async () => {
		const validate = responseValidator(contract.schemas);
		const failures: string[] = [];
		let validated = 0;
		for (const op of contract.operations) {
			sandbox.reset();
			const req = buildRequest(op, contract.schemas, demoIds(sandbox), handWritten.has(routeKey(op.method, op.path)));
			const token = sandbox.issueToken({ userType: req.userType });
			sampleData(sandbox, `${op.method} ${op.path}`, req);
			const res = await call(sandbox, req.method, req.path, { token, version: req.version, json: req.json, form: req.form });
			const label = `${op.method} ${op.path}`;
			if (!(String(res.status) in op.responses)) {
				failures.push(`${label}: status ${res.status} not documented (${Object.keys(op.responses).join(', ')}): ${JSON.stringify(res.body).slice(0, 200)}`);
				continue;
			}
			if (res.status >= 300) {
				failures.push(`${label}: not served (${res.status}): ${JSON.stringify(res.body).slice(0, 200)}`);
				continue;
			}
			const schema = (res.status === op.successStatus && operationDeparture(label)?.response) || op.responses[String(res.status)];
			if (!schema) continue;
			const check = validate(schema);
			if (!check(res.body)) failures.push(`${label}: body invalid: ${JSON.stringify(check.errors?.slice(0, 2))}`);
			else validated++;
		}
		console.log(`conformance: ${contract.operations.length} operations, ${validated} bodies validated, ${failures.length} failures`);
		expect(failures).toEqual([]);
	});
});
