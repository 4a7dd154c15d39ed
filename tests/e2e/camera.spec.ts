import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { toBuffer } from 'bwip-js/node';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { expectFeedback, importCsv, listenForSounds, scan, signIn, soundsPlayed } from './support/desk';
import { fakeCameraArgs, writeFakeCameraVideo } from './support/fake-camera-video';

/**
 * The camera as a scanner, end to end: Chromium's fake camera plays a video of a barcode label
 * while the hand-out workflow is open, and the device is handed out — once, though the label is in
 * every frame.
 *
 * The label is drawn at test time (bwip-js, Code 128 of the IMEI) rather than taken from the
 * fixture photos: those hold no valid IMEI, and the device must first be received and prepared
 * under the very number the camera reads. It is put on a 1280×720 grey background with a little
 * moving noise (every frame differs, as a real camera's do) in the `.y4m` that Chromium's
 * `--use-file-for-fake-video-capture` plays in a loop (support/fake-camera-video.ts).
 * The camera refused: camera-refused.spec.ts.
 */

const body = '35693803564380';
const imei = `${body}${luhnCheckDigit(body)}`;

async function fakeCameraVideo(dir: string, text: string): Promise<string> {
  const label = await toBuffer({ bcid: 'code128', text, scale: 3, height: 14, includetext: true, textsize: 11, paddingwidth: 12, paddingheight: 8, backgroundcolor: 'FFFFFF' });
  const video = join(dir, 'camera.y4m');
  writeFakeCameraVideo(video, { png: label, width: 1280, height: 720, background: [0x8a, 0x8f, 0x96], frames: 10, fps: 10, noise: 10 });
  return video;
}

const test = base.extend<object, { cameraVideo: string }>({
  cameraVideo: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'kvik-camera-'));
      try {
        await use(await fakeCameraVideo(dir, imei));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, cameraVideo }, use) => {
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), ...fakeCameraArgs('allow'), `--use-file-for-fake-video-capture=${cameraVideo}`],
      });
    },
    { scope: 'worker' },
  ],
});

/** Every request the page makes, to check that nothing (the .wasm least of all) comes from elsewhere. */
function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => requests.push(w.url()));
  return requests;
}

test.describe('the camera as a scanner', () => {
  test('hands out a device the camera reads, recorded once though the label stays in view', async ({ page, baseURL }) => {
    await listenForSounds(page);
    const requests = recordRequests(page);
    await signIn(page, 'KAM');
    await importCsv(page, 'employees', 'Medarbejdere', 'id;navn;forvaltning;e-mail\r\nE2001;Søren Ærø;ØKF;soren@kk.dk\r\n');
    await page.getByRole('button', { name: 'Skranke' }).click();

    // Receive and prepare with the keyboard scanner, as the desk does every day.
    await scan(page, imei);
    await expectFeedback(page, 'good', `Modtaget: ${imei}`);
    await scan(page, 'KVIK:MODE:PREPARE');
    await scan(page, imei);
    await expectFeedback(page, 'good', `Klargjort: ${imei}`);

    // Hand out to an employee; the camera is still closed, and nothing decodes.
    await page.getByRole('tab', { name: 'Udlever', exact: true }).click();
    await page.locator('[data-field="employee-search"]').fill('Søren');
    await page.getByRole('option').getByText('Søren Ærø').click();
    await expect(page.getByTestId('employee-chosen')).toContainText('Søren Ærø');
    await expect(page.getByTestId('camera-panel')).toHaveCount(0);
    expect(page.workers()).toHaveLength(0);
    const goodBefore = (await soundsPlayed(page)).filter((s) => s === 'good').length;

    // Open the camera: the label is read and the device handed out.
    const toggle = page.getByRole('button', { name: 'Scan med kamera' });
    await toggle.click();
    await expect(page.getByTestId('camera-panel')).toBeVisible();
    await expectFeedback(page, 'good', `Udleveret: ${imei}`);
    await expect(page.getByTestId('camera-last')).toContainText(imei);
    expect(page.workers()).toHaveLength(1);

    // The label stays in every frame for the next seconds: still one scan, no "already scanned".
    const stats = page.getByTestId('camera-stats');
    await expect(stats).toBeVisible();
    const framesAtRead = Number(await stats.getAttribute('data-frames'));
    await expect.poll(async () => Number(await stats.getAttribute('data-frames')), { timeout: 30_000 }).toBeGreaterThanOrEqual(framesAtRead + 15);
    await page.screenshot({ path: 'tests/artifacts/screens/desk-camera.png' });
    await expectFeedback(page, 'good', `Udleveret: ${imei}`);
    await expect(page.getByTestId('batch-count')).toHaveText('1 enhed');
    const sounds = (await soundsPlayed(page)).slice();
    expect(sounds.filter((s) => s === 'good').length - goodBefore).toBe(1);
    expect(sounds).not.toContain('warning');

    // Closing the panel ends the camera and its decoder.
    await page.getByRole('button', { name: 'Luk kamera' }).click();
    await expect(page.getByTestId('camera-panel')).toHaveCount(0);
    await expect.poll(() => page.workers().length).toBe(0);

    await page.getByRole('button', { name: 'Opslag' }).click();
    await page.locator('[data-field="lookup-search"]').fill(imei);
    await expect(page.getByTestId('device-card')).toContainText('Udleveret');
    await expect(page.getByTestId('device-card')).toContainText('Søren Ærø');

    // The decoder and its .wasm came from the app itself.
    const origin = new URL(baseURL ?? page.url()).origin;
    expect(requests.filter((r) => r.endsWith('.wasm'))).not.toHaveLength(0);
    expect(requests.filter((r) => /decode\.worker/.test(r))).not.toHaveLength(0);
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  });
});
