import { expect, type Page } from '@playwright/test';
import { wedgeScan } from './wedge-scanner';

/** A scan from a keyboard-wedge scanner (keys 5 ms apart, then Enter), wherever the focus is. */
export const scan = (page: Page, text: string): Promise<void> => wedgeScan(page, text, 5);

/** Records every sound the page plays, so a test can hear the desk. */
export async function listenForSounds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: string[] = [];
    Object.assign(window, { __sounds: played });
    const original = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(this.dataset.tone ?? this.src);
      // A sound the page may not load (the CSP, a missing file) is a silent desk: record it.
      const failed = () => played.push(`error loading ${this.dataset.tone ?? this.src}`);
      if (this.error) failed();
      else this.addEventListener('error', failed, { once: true });
      return original.call(this).catch(() => undefined);
    };
  });
}

export async function soundsPlayed(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __sounds: string[] }).__sounds.slice());
}

export async function signIn(page: Page, operator = 'MK'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Navn eller initialer').fill(operator);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText(operator);
}

/** Signs out and in again as `operator` at `location` (by its name). */
export async function signInAt(page: Page, operator: string, location: string): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByLabel('Navn eller initialer').fill(operator);
  await page.getByLabel('Lokation').selectOption({ label: location });
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('operator')).toContainText(`${operator} · ${location}`);
}

/** The feedback panel after a scan: its tone and its text. */
export async function expectFeedback(page: Page, tone: 'good' | 'warning' | 'error' | 'info', text: string | RegExp): Promise<void> {
  const panel = page.getByTestId('feedback');
  await expect(panel).toHaveAttribute('data-tone', tone);
  await expect(panel).toContainText(text);
}

export async function importCsv(page: Page, table: string, tabName: string, csv: string): Promise<void> {
  await page.getByRole('button', { name: 'Stamdata' }).click();
  await page.getByRole('tab', { name: tabName, exact: true }).click();
  await page.getByTestId(`import-${table}`).setInputFiles({ name: `${table}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  await expect(page.getByRole('status')).toContainText('importeret');
}
