import type { Page } from 'playwright-core';
import { luhnCheckDigit } from '../../../shared/scan/check-digits';
import { wedgeScan } from '../../e2e/support/wedge-scanner';
import { figure, median, percentile, type BenchPart } from '../figures';
import { launchPersistentChromium, serveWebBuild, tsxEvaluateShim } from '../support/browser';
import { seedStore } from '../support/seed-store';

/** Devices the counted location holds; the store holds as many again at another location. */
const EXPECTED = Number(process.env.BENCH_COUNT_EXPECTED ?? 5_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 200);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 100);

const imeiOf = (prefix: string, n: number) => {
  const body = `${prefix}${String(n).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
};

/**
 * Scan to feedback in a stocktake of a location with 5,000 expected devices, beside the desk's
 * scan to feedback on the same store in the same run: in the real app in Chromium, from the
 * scanner's Enter reaching the page to the scan's result (its device's IMEI) in the feedback
 * panel. The store: `seedStore` with one event per device, every device in stock, alternately at
 * LAGER and KVIK-RH; the desk's scans receive new devices at LAGER, which then holds exactly
 * `EXPECTED`. The count's scans find expected ones (each recorded with its `counted` event).
 */
export const part: BenchPart = {
  name: 'stocktake',
  async run() {
    const server = await serveWebBuild();
    const browser = await launchPersistentChromium({ viewport: { width: 1366, height: 900 } });
    try {
      const { context } = browser;
      await context.addInitScript(tsxEvaluateShim);
      // Registered before the app's own listeners: the wedge keeps a scan's Enter from the rest.
      await context.addInitScript({
        content: "addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enter = performance.now(); }, { capture: true });",
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel('Navn eller initialer').fill('BENCH');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByTestId('operator').waitFor();
      // The desk's scans below receive SCANS devices at LAGER too: together, EXPECTED there.
      const seeded = 2 * (EXPECTED - SCANS);
      const seconds = await seedStore(page, seeded, seeded);
      console.log(`  seeded ${seeded} devices (${seeded / 2} at LAGER) in ${seconds.toFixed(1)} s`);
      await page.reload();
      await page.getByTestId('batch-count').waitFor();

      const desk = await scanTimings(page, (i) => imeiOf('86', i));

      await page.getByRole('button', { name: 'Lager' }).click();
      const started = performance.now();
      await page.getByRole('button', { name: 'Start optælling' }).click();
      await page.getByTestId('count-counter').filter({ hasText: `0 / ${EXPECTED}` }).waitFor();
      const startMs = performance.now() - started;
      // seedStore's device d is at LAGER when d is odd.
      const count = await scanTimings(page, (i) => imeiOf('35', 2 * i + 1));
      await page.getByTestId('count-counter').filter({ hasText: `${SCANS} / ${EXPECTED}` }).waitFor();

      const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
      return {
        'stocktake.scan_to_feedback_p95': figure(percentile(sorted(count), 95), 'ms', percentile(sorted(desk), 95), `baseline: the desk's scan to feedback (receive), same store, same run; ${SCANS} scans, ${EXPECTED} expected`),
        'stocktake.scan_to_feedback_median': figure(median(count), 'ms', median(desk), "baseline: the desk's scan to feedback (receive)"),
        'stocktake.start_ms': figure(startMs, 'ms', undefined, `start a count of ${EXPECTED} expected devices: click to counter shown (the frozen list read and written)`),
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

/** `SCANS` wedge scans, each timed from its Enter to its IMEI in the feedback panel. */
async function scanTimings(page: Page, imei: (i: number) => string): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < SCANS; i++) {
    const text = imei(i);
    const shown = page.evaluate(
      (text) =>
        new Promise<number>((resolve, reject) => {
          const w = window as unknown as { __enter: number };
          const panel = () => document.querySelector('[data-testid="feedback"]');
          const timeout = setTimeout(() => reject(new Error(`${text} never showed: ${panel()?.textContent ?? ''}`)), 10_000);
          const observer = new MutationObserver(() => {
            if (!panel()?.textContent?.includes(text)) return;
            observer.disconnect();
            clearTimeout(timeout);
            resolve(performance.now() - w.__enter);
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      text,
    );
    await wedgeScan(page, text, 5);
    timings.push(await shown);
    // An operator takes a moment between two labels (as in the desk's part).
    await page.waitForTimeout(PAUSE_MS);
  }
  return timings;
}
