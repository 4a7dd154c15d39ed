import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { chromiumForTests } from '../../support/chromium';

export const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * The web build served locally, as the end-to-end tests see it (built first when missing). A
 * `port` of its own where a kept store must be found again: IndexedDB belongs to the origin.
 */
export async function serveWebBuild(rebuild = true, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  if (rebuild || !existsSync(resolve(root, 'out/web/index.html')))
    // A profiled run (`scan-profile.ts`) reads the functions by their own names.
    execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn', ...(process.env.BENCH_PROFILE === '1' ? ['--minify', 'false'] : [])], { cwd: root, stdio: 'inherit' });
  const server: PreviewServer = await preview({
    root: resolve(root, 'renderer'),
    configFile: resolve(root, 'vite.web.config.ts'),
    preview: { port, host: '127.0.0.1', strictPort: port !== 0 },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no address');
  return { url, close: () => server.close() };
}

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`; functions handed to
 * `page.evaluate` take those calls into the page, which must then know `__name`.
 */
export const tsxEvaluateShim = { content: 'globalThis.__name = (fn) => fn;' };

const chromiumBrowser = chromiumForTests();
export const launchOptions = {
  executablePath: chromiumBrowser.executablePath,
  ...(chromiumBrowser.env ? { env: chromiumBrowser.env } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/**
 * A browser with a profile on disk, as a desk has: its IndexedDB gets a disk-sized quota. An
 * incognito context keeps storage in memory with a small quota, which a store of a million events
 * outgrows. `close()` also deletes the profile.
 */
export async function launchPersistentChromium(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kvikdesk-bench-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, ...options });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A page of the app at `url`, signed in as BENCH, that notes when each scan's Enter arrives
 * (`window.__enter`, and all of them in `window.__enters`) — registered before the app's own listeners, since the wedge keeps a scan's
 * Enter from every listener after it.
 */
export async function signedInBenchPage(context: BrowserContext, url: string): Promise<Page> {
  await context.addInitScript(tsxEvaluateShim);
  await context.addInitScript({
    content: "window.__enters = []; addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enters.push(window.__enter = performance.now()); if (window.__benchProfile) performance.mark('bench-enter'); }, { capture: true });",
  });
  const page = await context.newPage();
  await page.goto(url);
  // A kept profile (`seeded-profile.ts`) is signed in already.
  const signIn = page.getByLabel('Navn eller initialer');
  await signIn.or(page.getByTestId('operator')).first().waitFor();
  if (await signIn.isVisible()) {
    await signIn.fill('BENCH');
    await page.getByRole('button', { name: 'Log ind' }).click();
  }
  await page.getByTestId('operator').waitFor();
  return page;
}
