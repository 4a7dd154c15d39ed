import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { figure, median, percentile, type BenchPart } from '../figures';
import { launchPersistentChromium, serveWebBuild, tsxEvaluateShim } from '../support/browser';
import { seedStore } from '../support/seed-store';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);

/** Marks, in the page's own clock (ms since its navigation began), when the desk screen appears. */
const deskReadyMark = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="batch-count"]')) return;
    window.__deskReady = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true });
`;

async function serveBlankPage(): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><meta charset="utf-8"><title>blank</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A fresh tab opening `url`; the time the page reports when it is ready, by its own clock. */
async function openTab(context: BrowserContext, url: string, ready: () => number | undefined): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 10 });
    return await page.evaluate(ready) ?? Number.NaN;
  } finally {
    await page.close();
  }
}

/**
 * Start-up: from navigation to a desk ready to scan — the desk screen on the page, its batch
 * loaded (scans that come earlier wait for it) — in the web build in Chromium, on a browser
 * profile whose store holds 100,000 devices and 1,000,000 events, the operator signed in as they
 * stay across restarts. Each run is a new tab; the figure is the median over the runs, beside the
 * load of a blank page from a local server, the same way, in the same browser.
 */
export const part: BenchPart = {
  name: 'startup',
  async run() {
    const app = await serveWebBuild();
    const blank = await serveBlankPage();
    const browser = await launchPersistentChromium({ viewport: { width: 1366, height: 900 } });
    try {
      const { context } = browser;
      await context.addInitScript(tsxEvaluateShim);
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByLabel('Navn eller initialer').fill('BENCH');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByTestId('batch-count').waitFor();
      const seconds = await seedStore(page, DEVICES, EVENTS);
      console.log(`  seeded ${DEVICES} devices and ${EVENTS} events in ${seconds.toFixed(1)} s`);
      await page.close();
      await context.addInitScript({ content: deskReadyMark });

      const desk: number[] = [];
      const blankLoads: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        desk.push(await openTab(context, app.url, () => (window as unknown as { __deskReady?: number }).__deskReady));
        blankLoads.push(
          await openTab(context, blank.url, () => {
            const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
            return navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : undefined;
          }),
        );
      }
      console.log(`  desk ready (ms): ${desk.map((t) => t.toFixed(0)).join(' ')}`);
      const sorted = [...desk].sort((a, b) => a - b);
      return {
        'startup.to_scannable_desk_median': figure(median(desk), 'ms', median(blankLoads), `${RUNS} new tabs, ${DEVICES} devices / ${EVENTS} events in the store; baseline: a blank page's load`),
        'startup.to_scannable_desk_max': figure(percentile(sorted, 100), 'ms', Math.max(...blankLoads), 'the slowest of the runs (the first: a cold cache)'),
      };
    } finally {
      await browser.close();
      await new Promise((done) => blank.server.close(done));
      await app.close();
    }
  },
};
