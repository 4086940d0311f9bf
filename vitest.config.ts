import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql's CommonJS build for the libraries; tests must load the same copy, not the .mjs one.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // Request log lines would bury the test report; tests that check them give their own logger.
    env: { CSTO_LOG_LEVEL: 'silent' },
    // Two cores: one worker runs the files of a project one after another against the one shared Neo4j.
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.int.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
