/**
 * Four projects: `unit` tests pure modules without Strapi; `integration` tests a real Strapi
 * over HTTP on a real PostgreSQL (one Strapi and one cloned database per test file); `e2e`
 * drives the built admin panel, served by a real Strapi, in headless Chromium; `site-e2e`
 * drives the reference site the same way.
 */
const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: tsTransform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: tsTransform,
      globalSetup: '<rootDir>/tests/setup/global-setup.js',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      testPathIgnorePatterns: ['/tests/e2e/site'],
      transform: tsTransform,
      globalSetup: '<rootDir>/tests/setup/e2e-setup.js',
    },
    {
      // The reference site in Debian's Chromium (playwright-core): /usr/bin/chromium.
      displayName: 'site-e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/site*.e2e.test.ts'],
      transform: tsTransform,
      globalSetup: '<rootDir>/tests/e2e/site-global-setup.js',
    },
    // Fault and load tests (tests/reliability): only through `npm run test:reliability`.
    ...(process.env.RELIABILITY_TESTS === '1'
      ? [
          {
            displayName: 'reliability',
            testEnvironment: 'node',
            testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
            transform: tsTransform,
            globalSetup: '<rootDir>/tests/setup/global-setup.js',
          },
        ]
      : []),
  ],
  maxWorkers: 2,
  // Booting Strapi and waiting for PostgreSQL can take longer than jest's 5 s default on a busy
  // machine. A global option: jest ignores testTimeout inside a project.
  testTimeout: 60000,
};
