import type { Locator, Page } from 'playwright-core';

/**
 * The report rows built from the log a seeding wrote past the app (as on a desk upgraded to them,
 * or just bootstrapped): the reports' overview opens first, and its trend needs them. Prints what
 * the build says every half minute (a slow build shows where it is, a stuck one where it stopped).
 * Returns the seconds from the click to the first trend on the page.
 */
export async function buildReportRows(page: Page, timeoutMs = 20 * 60_000): Promise<number> {
  const building = performance.now();
  await page.getByRole('button', { name: 'Rapporter' }).click();
  const overview = page.getByTestId('report-overview');
  const watching = setInterval(() => {
    void overview
      .locator('.report-progress span, .notice.error, [role="alert"]')
      .allTextContents()
      .then((texts) => console.log(`  … ${((performance.now() - building) / 1000).toFixed(0)} s: ${texts.join(' | ') || '(nothing on screen)'}`))
      .catch(() => {});
  }, 30_000);
  try {
    await untilShownOrFailed(overview.locator('[data-testid="trend"]'), '.report-timings', timeoutMs);
  } finally {
    clearInterval(watching);
  }
  const seconds = (performance.now() - building) / 1000;
  console.log(`  built the report rows from the log and showed the first trend in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** Waits for `selector` within `section`, or fails at once with the report's own error when it shows one instead. */
export async function untilShownOrFailed(section: Locator, selector: string, timeout: number): Promise<void> {
  const failed = section.locator('.notice.error').first();
  await section.locator(`${selector}, .notice.error`).first().waitFor({ state: 'attached', timeout });
  if (await failed.count()) throw new Error(`the report failed: ${await failed.innerText()}`);
}
