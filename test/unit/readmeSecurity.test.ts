// The README's security and trigger sections state numbers the code defines: they must agree.
import { readFileSync } from 'fs';
import { join } from 'path';

import { DEFAULT_LATE_WINDOW_SECONDS } from '../../nodes/GoHighLevel/trigger/lateWindow';
import { MAX_CACHED_TOKENS } from '../../nodes/GoHighLevel/transport/location';
import { DEFAULT_TIMEOUT_SECONDS, requestOptionsProperty } from '../../nodes/GoHighLevel/transport/options';
import { MAX_SERVER_ERROR_RETRIES } from '../../nodes/GoHighLevel/transport/retry';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('README security and failures', () => {
	it('states the Timeout default and range, the retries and the token cache size the code uses', () => {
		const timeout = requestOptionsProperty.options?.find((o) => o.name === 'timeout') as unknown as { typeOptions: { minValue: number; maxValue: number } };
		expect(readme).toContain(`*Request Options → Timeout (Seconds)* (default ${DEFAULT_TIMEOUT_SECONDS},\n  ${timeout.typeOptions.minValue}–${timeout.typeOptions.maxValue};`);
		expect(readme).toContain(`(up to ${MAX_SERVER_ERROR_RETRIES} more\n  times, with backoff)`);
		expect(readme).toContain(`"could not be reached after ${MAX_SERVER_ERROR_RETRIES + 1} attempts"`);
		expect(readme).toContain(`The cache holds at most ${MAX_CACHED_TOKENS} tokens`);
	});

	it('states the late-records window default the trigger uses', () => {
		expect(readme).toContain(`**Late Records Window** (default ${DEFAULT_LATE_WINDOW_SECONDS} s)`);
	});
});
