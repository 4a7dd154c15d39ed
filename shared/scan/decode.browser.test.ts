import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from '../../tests/support/chromium';
import { hasShared, sharedMissing, sharedPath } from '../../tests/support/shared-dir';

/**
 * decode.ts as the renderer uses it: bundled by Vite (its browser branch, the `?url` import of
 * the .wasm), run in Chromium on the page and in a module Web Worker, on frames drawn from PNGs.
 * Every request the page makes is recorded: all must go to the app's own origin.
 */

const decodeModule = fileURLToPath(new URL('./decode.ts', import.meta.url));

const files: Record<string, string> = {
  'index.html': '<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script>',
  'frame.ts': `
    export async function frameOf(url: string) {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      return { data, width, height };
    }`,
  'worker.ts': `
    import { decodeImage } from ${JSON.stringify(decodeModule)};
    import { frameOf } from './frame';
    self.onmessage = async (event: MessageEvent<string>) => {
      try {
        self.postMessage({ ok: true, value: await decodeImage(await frameOf(event.data)) });
      } catch (error) {
        self.postMessage({ ok: false, error: String(error) });
      }
    };`,
  'main.ts': `
    import { decodeImage } from ${JSON.stringify(decodeModule)};
    import { frameOf } from './frame';
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    Object.assign(window, {
      decodeInPage: async (url: string) => decodeImage(await frameOf(url)),
      decodeInWorker: (url: string) => new Promise((resolve, reject) => {
        worker.onmessage = (event) => (event.data.ok ? resolve(event.data.value) : reject(new Error(event.data.error)));
        worker.postMessage(url);
      }),
    });`,
};

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png' };

function serve(root: string, fixtures: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [base, rest] = path.startsWith('/fixtures/') ? [fixtures, path.slice('/fixtures/'.length)] : [root, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe.skipIf(!hasShared)('decodeImage in Chromium (page and Web Worker), bundled by Vite', () => {
  if (!hasShared) console.warn(sharedMissing);

  let dir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = '';
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kvik-decode-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await build({ configFile: false, root: dir, base: './', logLevel: 'error', build: { outDir: join(dir, 'out'), emptyOutDir: true }, worker: { format: 'es' } });
    server = await serve(join(dir, 'out'), resolve(sharedPath('fixtures/barcodes')));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { executablePath, env } = chromiumForTests();
    browser = await chromium.launch({
      executablePath,
      ...(env ? { env } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads Code 128 (GS1), QR and a camera photo on the page and in a worker, with no request off-origin', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext();
    context.on('request', (request) => requests.push(request.url()));
    // Anything off-origin fails loudly instead of quietly reaching the internet.
    await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'decodeInWorker' in window);

    const cases = [
      ['/fixtures/code128-1/1.png', { text: '168901', format: 'Code128' }],
      ['/fixtures/qrcode-1/1.png', { text: 'MEBKM:URL:http\\://en.wikipedia.org/wiki/Main_Page;;', format: 'QRCode' }],
      ['/fixtures/code128-2/02.png', { text: readFileSync(sharedPath('fixtures/barcodes/code128-2/02.txt'), 'utf8'), format: 'Code128' }],
    ] as const;
    for (const [url, expected] of cases) {
      const inWorker = await page.evaluate((u) => Reflect.get(window, 'decodeInWorker')(u), url);
      const inPage = await page.evaluate((u) => Reflect.get(window, 'decodeInPage')(u), url);
      expect(inWorker, `worker ${url}`).toContainEqual(expected);
      expect(inPage, `page ${url}`).toContainEqual(expected);
    }

    const wasm = requests.filter((r) => r.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(requests.filter((r) => !r.startsWith(origin))).toEqual([]);
    await context.close();
  }, 60_000);
});
