import { defineConfig } from '@playwright/test';

// The Electron smoke test: `node tests/electron/run.mjs` (builds first when out/ is missing).
export default defineConfig({
  testDir: '.',
  testMatch: ['smoke.spec.ts', 'app-contents.spec.ts'],
  outputDir: '../artifacts/electron',
  reporter: [['list']],
  workers: 1,
  timeout: 60_000,
  forbidOnly: true,
});
