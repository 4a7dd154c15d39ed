import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'server/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/property/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    // Opening an embedded PGlite (WASM) takes ~1 s when the machine is idle and 20 s on a loaded
    // 2-core CI machine; a hook that times out says nothing about the code under test.
    hookTimeout: 90_000,
  },
});
