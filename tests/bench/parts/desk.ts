import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { luhnCheckDigit } from '../../../shared/scan/check-digits';
import { wedgeScan } from '../../e2e/support/wedge-scanner';
import { figure, median, percentile, type BenchPart } from '../figures';
import { launchChromium, serveWebBuild, tsxEvaluateShim } from '../support/browser';
import { seedStore } from '../support/seed-store';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 200);

function newImei(i: number): string {
  const body = `86${String(i).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
}

/**
 * Scan to screen: in the real app in Chromium, over a store of 100,000 devices and 1,000,000
 * events, the time from the scanner's Enter reaching the page to the committed record showing in
 * the running list (measured at the next animation frame), beside a raw Dexie put + get of the
 * same event row in the same store and the same run.
 */
export const part: BenchPart = {
  name: 'desk',
  async run() {
    const server = await serveWebBuild();
    const browser = await launchChromium();
    try {
      // bypassCSP: the baseline loads Dexie into the page as an injected script.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
      await context.addInitScript(tsxEvaluateShim);
      // The page notes when each Enter arrives — registered before the app's own listeners, since
      // the wedge keeps a scan's Enter from every listener after it.
      await context.addInitScript({
        content: "addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enter = performance.now(); }, { capture: true });",
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Navn eller initialer').fill('BENCH');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByTestId('operator').waitFor();

      const seconds = await seedStore(page, DEVICES, EVENTS);
      console.log(`  seeded ${DEVICES} devices and ${EVENTS} events in ${seconds.toFixed(1)} s`);
      await page.reload();
      await page.getByTestId('operator').waitFor();

      const timings: number[] = [];
      for (let i = 0; i < SCANS; i++) {
        const imei = newImei(i);
        const shown = page.evaluate(
          (imei) =>
            new Promise<number>((resolve) => {
              const w = window as unknown as { __enter: number };
              const check = () => document.querySelector('[data-testid="batch-list"] tbody tr:first-child')?.textContent?.includes(imei);
              const observer = new MutationObserver(() => {
                if (!check()) return;
                observer.disconnect();
                resolve(performance.now() - w.__enter);
              });
              observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            }),
          imei,
        );
        await wedgeScan(page, imei, 5);
        timings.push(await shown);
      }

      const rawTimings = await rawDexieTimings(page, SCANS);
      await context.close();
      const sorted = [...timings].sort((a, b) => a - b);
      const rawSorted = [...rawTimings].sort((a, b) => a - b);
      return {
        'desk.scan_to_screen_p95': figure(percentile(sorted, 95), 'ms', percentile(rawSorted, 95), `target < 16 ms and ≤ 3× raw; ${SCANS} scans over ${DEVICES} devices / ${EVENTS} events`),
        'desk.scan_to_screen_median': figure(median(timings), 'ms', median(rawTimings), 'baseline: raw Dexie put + get of the same event row'),
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

/** The baseline: Dexie itself, loaded into the same page, writing and reading one event row. */
async function rawDexieTimings(page: Page, count: number): Promise<number[]> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('dexie/dist/dexie.js') });
  return page.evaluate(async (count) => {
    const DexieCtor = (window as unknown as { Dexie: new (name: string) => { open(): Promise<unknown>; table(name: string): { put(row: unknown): Promise<unknown>; get(key: string): Promise<unknown> }; close(): void } }).Dexie;
    const db = new DexieCtor('kvikdesk');
    await db.open();
    const events = db.table('events');
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = `0199ffff-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
      const row = { id, type: 'received', deviceKey: `imei:99${i}`, at: new Date().toISOString(), deskId: 'raw', operator: 'RAW', location: 'LAGER', data: { kind: 'phone' }, sync: 'pending' };
      const t0 = performance.now();
      await events.put(row);
      await events.get(id);
      times.push(performance.now() - t0);
    }
    db.close();
    return times;
  }, count);
}
