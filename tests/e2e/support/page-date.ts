import type { Page } from '@playwright/test';

/**
 * The page's calendar moved to `time` and running on from there, with its timers and
 * `performance.now` left real. Playwright's `clock.install` fakes those too and moves them in
 * jumps of its own, and the keyboard wedge — which judges a scan's end by the key events' real
 * timestamps against `performance.now` — then cuts scans that a desk never would. Call before the
 * page loads; `movePageDate` moves it again later.
 */
export async function setPageDate(page: Page, time: Date): Promise<void> {
  await page.addInitScript((target: number) => {
    const RealDate = Date;
    // Kept in the tab's session storage, so a reload keeps the calendar where the test moved it.
    const KEY = 'e2e-date-shift';
    if (sessionStorage.getItem(KEY) === null) sessionStorage.setItem(KEY, String(target - RealDate.now()));
    const now = () => RealDate.now() + Number(sessionStorage.getItem(KEY) ?? 0);
    class ShiftedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(now());
        else super(...(args as [string | number]));
      }
      static override now(): number {
        return now();
      }
    }
    window.Date = ShiftedDate as DateConstructor;
  }, time.getTime());
}

/** The running calendar of `setPageDate` moved to `time` (without a reload). */
export async function movePageDate(page: Page, time: Date): Promise<void> {
  await page.evaluate((target: number) => {
    sessionStorage.setItem('e2e-date-shift', String(target - (performance.timeOrigin + performance.now())));
  }, time.getTime());
}
