/**
 * Minimal Jest config with only the `unit` project, created by the screening work so its tests
 * can run; the integration project is to be added (or this file replaced) by the Strapi side.
 */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tests/tsconfig.json' }],
      },
    },
  ],
};
