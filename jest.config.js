/**
 * One Jest run over the kit's unit tests, each subgraph's own tests and the end-to-end tests.
 * Tests import the compiled packages (npm test builds first), so decorators behave exactly as
 * in production; ts-jest only transpiles the test files themselves.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Every file starts real processes and databases; one at a time on a 2-core machine.
  maxWorkers: 1,
  testTimeout: 120_000,
  // Tests start child processes and servers; one left running by a failed test must fail that
  // test, not keep Jest (and CI) waiting forever after the run has reported.
  forceExit: true,
  slowTestThreshold: 30,
};
