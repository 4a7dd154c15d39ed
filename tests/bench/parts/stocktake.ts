import { luhnCheckDigit } from '../../../shared/scan/check-digits';
import { figure, median, percentile, type BenchPart } from '../figures';
import { launchPersistentChromium, serveWebBuild, signedInBenchPage } from '../support/browser';
import { scanToScreen } from '../support/scan-timing';
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
      const page = await signedInBenchPage(browser.context, server.url);
      // The desk's scans below receive SCANS devices at LAGER too: together, EXPECTED there.
      const seeded = 2 * (EXPECTED - SCANS);
      const seconds = await seedStore(page, seeded, seeded);
      console.log(`  seeded ${seeded} devices (${seeded / 2} at LAGER) in ${seconds.toFixed(1)} s`);
      await page.reload();
      await page.getByTestId('batch-count').waitFor();

      const labels = (imei: (i: number) => string) => Array.from({ length: SCANS }, (_, i) => imei(i));
      const feedback = '[data-testid="feedback"]';
      const desk = await scanToScreen(page, labels((i) => imeiOf('86', i)), feedback, PAUSE_MS);

      await page.getByRole('button', { name: 'Lager' }).click();
      // The screen is loaded (its chunk, its lists) before the clock starts.
      const start = page.getByRole('button', { name: 'Start optælling' });
      await start.waitFor();
      const started = performance.now();
      await start.click();
      await page.getByTestId('count-counter').filter({ hasText: `0 / ${EXPECTED}` }).waitFor();
      const startMs = performance.now() - started;
      // seedStore's device d is at LAGER when d is odd.
      const count = await scanToScreen(page, labels((i) => imeiOf('35', 2 * i + 1)), feedback, PAUSE_MS);
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
