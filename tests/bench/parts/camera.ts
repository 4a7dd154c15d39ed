import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { decodeImage } from '../../../shared/scan/decode';
import { hasShared, sharedMissing, sharedPath } from '../../support/shared-dir';
import { figure, median, type BenchPart, type Figure } from '../figures';
import { launchOptions, serveWebBuild } from '../support/browser';

/**
 * The camera pipeline as it runs in the desk: the web build in Chromium, a 1280×720 30 fps fake
 * camera (Chromium plays a `.y4m` made here with ffmpeg), the camera panel open — frames grabbed
 * from the `<video>`, transferred to the decoder worker, read there (frame box first, the whole
 * frame every other empty frame). The figure is decoded frames per second, counted by the panel
 * over `seconds`; the baseline is zxing-wasm in Node reading the same 1280×720 frame whole, one
 * after another, in the same run (what a loop with no box and no worker would manage).
 *
 * Two scenes: a camera photo of a Code 128 label (the fixture code128-2/02) and a photo with no
 * barcode (falsepositives/01), the slow case, since most frames a desk camera sees have nothing.
 */

const seconds = Number(process.env.BENCH_CAMERA_SECONDS ?? 10);
const width = 1280;
const height = 720;

/** A still photo centred on a 1280×720 frame, with a little moving noise, as a 30 fps `.y4m` (and the first frame as PNG). */
function cameraVideo(dir: string, name: string, photo: string): { video: string; frame: string } {
  const video = join(dir, `${name}.y4m`);
  const frame = join(dir, `${name}.png`);
  const scene = `scale=-2:${height},pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=0x808080`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-i', photo, '-vf', `${scene},noise=alls=6:allf=t,format=yuv420p`, '-r', '30', '-frames:v', '30', video]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', photo, '-vf', scene, '-frames:v', '1', frame]);
  return { video, frame };
}

async function framesDecoded(page: Page): Promise<number> {
  return Number(await page.getByTestId('camera-stats').getAttribute('data-frames'));
}

/** Decoded frames per second in the app, and what the panel says it read. */
async function appFramesPerSecond(url: string, video: string): Promise<{ fps: number; msPerFrame: number; read: string | null }> {
  const browser = await chromium.launch({
    ...launchOptions,
    // The fake prompt answers yes: the headless Chromium from npm has no prompt of its own.
    args: [...launchOptions.args, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('Navn eller initialer').fill('BENCH');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByTestId('operator').waitFor();
    await page.getByRole('button', { name: 'Scan med kamera' }).click();
    await page.getByTestId('camera-stats').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000); // the .wasm compiled, the camera settled
    const startFrames = await framesDecoded(page);
    const started = performance.now();
    await page.waitForTimeout(seconds * 1000);
    const frames = (await framesDecoded(page)) - startFrames;
    const elapsed = (performance.now() - started) / 1000;
    const text = await page.getByTestId('camera-stats').textContent();
    const last = page.getByTestId('camera-last');
    const read = (await last.count()) > 0 ? ((await last.locator('.mono').textContent()) ?? null) : null;
    return { fps: frames / elapsed, msPerFrame: Number(/· (\d+) ms/.exec(text ?? '')?.[1] ?? Number.NaN), read };
  } finally {
    await browser.close();
  }
}

async function nodeFramesPerSecond(framePng: string): Promise<number> {
  const png = PNG.sync.read(readFileSync(framePng));
  const image = { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
  await decodeImage(image);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await decodeImage(image);
    times.push(performance.now() - started);
  }
  return 1000 / median(times);
}

export const part: BenchPart = {
  name: 'camera',
  async run() {
    if (!hasShared) {
      console.log(`  ${sharedMissing}`);
      return {};
    }
    const dir = mkdtempSync(join(tmpdir(), 'kvik-bench-camera-'));
    const server = await serveWebBuild();
    try {
      const figures: Record<string, Figure> = {};
      const scenes = [
        { name: 'code128', photo: sharedPath('fixtures/barcodes/code128-2/02.png'), expected: readFileSync(sharedPath('fixtures/barcodes/code128-2/02.txt'), 'utf8') },
        { name: 'no_code', photo: sharedPath('fixtures/barcodes/falsepositives/01.png'), expected: null },
      ];
      for (const scene of scenes) {
        const { video, frame } = cameraVideo(dir, scene.name, scene.photo);
        const app = await appFramesPerSecond(server.url, video);
        const node = await nodeFramesPerSecond(frame);
        const load = `load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`;
        const read = scene.expected === null ? `read: ${app.read ?? 'nothing'}` : `read the label: ${app.read === scene.expected ? 'yes' : `no (${app.read ?? 'nothing'})`}`;
        figures[`camera.pipeline_1280x720_${scene.name}.fps`] = figure(
          app.fps,
          'fps',
          node,
          `Chromium worker, 30 fps fake camera, ${app.msPerFrame} ms/frame in the worker; ${read}; baseline: Node decodeImage of the whole frame; ${load}`,
        );
      }
      return figures;
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
