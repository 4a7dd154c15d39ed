import { defineConfig } from 'vitest/config';

// Hooks open databases (PGlite boots a WASM PostgreSQL): generous on a loaded 2-core machine.
const shared = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } as const;

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
