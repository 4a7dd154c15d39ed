import type { Page } from 'playwright-core';
import { wedgeScan } from '../../e2e/support/wedge-scanner';

/**
 * Scans each label with a keyboard wedge (keys 5 ms apart, then Enter), one after another, and
 * times each from its Enter reaching the page (`window.__enter`, see `signedInBenchPage`) to the
 * label's text in the element `shownIn` (the DOM mutation; the browser paints it at its next
 * frame). `pauseMs` between labels: even the fastest operator takes a moment, and without it the
 * next scan would queue behind the live queries the previous one set off. `between` runs in the
 * middle of each pause (a baseline measured beside each scan, under the same load).
 */
export async function scanToScreen(page: Page, labels: readonly string[], shownIn: string, pauseMs: number, between?: () => Promise<void>): Promise<number[]> {
  const timings: number[] = [];
  for (const label of labels) {
    const shown = page.evaluate(
      ({ label, shownIn }) =>
        new Promise<number>((resolve, reject) => {
          const w = window as unknown as { __enter: number };
          const timeout = setTimeout(() => reject(new Error(`${label} never showed: ${document.querySelector('[data-testid="feedback"]')?.textContent ?? ''}`)), 10_000);
          const check = () => document.querySelector(shownIn)?.textContent?.includes(label);
          const observer = new MutationObserver(() => {
            if (!check()) return;
            observer.disconnect();
            clearTimeout(timeout);
            resolve(performance.now() - w.__enter);
            // Where a profile of the scans is taken (`scan-profile.ts`), its window ends here.
            if ((window as { __benchProfile?: boolean }).__benchProfile) performance.mark('bench-shown');
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      { label, shownIn },
    );
    await wedgeScan(page, label, 5);
    timings.push(await shown);
    if (between) {
      await page.waitForTimeout(pauseMs / 2);
      await between();
      await page.waitForTimeout(pauseMs / 2);
    } else await page.waitForTimeout(pauseMs);
  }
  return timings;
}
