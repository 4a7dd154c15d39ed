import { createHash } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { chromiumForTests, describeChromium } from '../support/chromium';

/**
 * A port of this checkout's own (several clones of the project may test side by side on one
 * machine), or E2E_PORT.
 */
const port = Number(process.env.E2E_PORT ?? 4200 + (createHash('sha1').update(process.cwd()).digest().readUInt16BE(0) % 700));
const baseURL = `http://127.0.0.1:${port}`;

const chromium = chromiumForTests();
// Once, from the runner (its workers load this file too).
if (process.env.TEST_WORKER_INDEX === undefined) console.log(describeChromium(chromium));

/**
 * End-to-end tests drive the real renderer (the web build in `out/web`, `npm run build:web` first)
 * in Chromium: CHROMIUM_PATH, the system's, or the one from npm (tests/support/chromium.ts).
 * Playwright downloads no browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../artifacts/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1366, height: 900 },
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium.executablePath,
      ...(chromium.env ? { env: chromium.env } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
