/** @type {import('jest').Config} End-to-end suites: a real n8n (scripts/n8n) against the sandbox, one suite at a time. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	testTimeout: 300000,
	maxWorkers: 1,
};
