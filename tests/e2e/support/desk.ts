import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wedgeScan } from './wedge-scanner';

/** A scan from a keyboard-wedge scanner (keys 5 ms apart, then Enter), wherever the focus is. */
export const scan = (page: Page, text: string): Promise<void> => wedgeScan(page, text, 5);

/** How long each of the desk's sounds lasts, in seconds, read off its WAV file (its `fmt ` and `data` chunks). */
function soundDurations(): Record<string, number> {
  const durations: Record<string, number> = {};
  for (const tone of ['good', 'warning', 'error']) {
    const wav = readFileSync(resolve(`assets/sounds/${tone}.wav`));
    let byteRate = 0;
    for (let at = 12; at + 8 <= wav.length; at += 8 + wav.readUInt32LE(at + 4) + (wav.readUInt32LE(at + 4) % 2)) {
      const id = wav.toString('ascii', at, at + 4);
      if (id === 'fmt ') byteRate = wav.readUInt32LE(at + 16);
      if (id === 'data') durations[tone] = wav.readUInt32LE(at + 4) / byteRate;
    }
  }
  return durations;
}

/**
 * Records every sound the page plays (`renderer/feedback/sounds.ts`: Web Audio buffers), so a test
 * can hear the desk: each buffer started is named by its length, which differs per sound.
 */
export async function listenForSounds(page: Page): Promise<void> {
  await page.addInitScript((durations: Record<string, number>) => {
    const played: string[] = [];
    Object.assign(window, { __sounds: played });
    const original = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function start(this: AudioBufferSourceNode, ...args: Parameters<AudioBufferSourceNode['start']>) {
      const length = this.buffer?.duration ?? 0;
      const tone = Object.entries(durations).find(([, seconds]) => Math.abs(seconds - length) < 0.005)?.[0];
      played.push(tone ?? `unknown sound of ${length} s`);
      return original.apply(this, args);
    };
  }, soundDurations());
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
