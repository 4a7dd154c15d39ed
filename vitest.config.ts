import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node',
  testTimeout: 30_000,
  // Opening an embedded PGlite (WASM) takes ~1 s when the machine is idle and 20 s on a loaded
  // 2-core CI machine; a hook that times out says nothing about the code under test.
  hookTimeout: 90_000,
} as const;

/**
 * Two projects so that only a run that includes the server's integration suites starts a
 * PostgreSQL (tests/integration/support/postgres-global-setup.ts); `npx vitest run <path>` of
 * anything else starts none.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'tests/property/**/*.test.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
