import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { z } from 'zod';
import type { KvikdeskBridge } from '../../shared/ipc/bridge';
import { electronLaunch, projectDir } from './launch-blocker';

declare global {
  interface Window {
    readonly kvikdesk?: KvikdeskBridge;
  }
}

const out = (...parts: string[]): string => join(projectDir, 'out', ...parts);

/** Module specifiers a bundle loads at run time (`require(...)`, `import ... from`, `import(...)`). */
function runtimeImports(code: string): string[] {
  const found = new Set<string>();
  for (const pattern of [/\brequire\(\s*["']([^"']+)["']\s*\)/g, /\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /^\s*import\s*["']([^"']+)["']/gm]) {
    for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}

test.describe('the built app (checked without starting Electron)', () => {
  test('the preload is a CommonJS bundle that requires only electron', async () => {
    const code = await readFile(out('preload', 'index.cjs'), 'utf8');
    // A sandboxed preload can require `electron` and a few built-ins, never an npm package or ESM.
    expect(runtimeImports(code)).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld');
  });

  test('the main bundle loads only electron, Node built-ins and node-hid at run time', async () => {
    const code = await readFile(out('main', 'index.js'), 'utf8');
    const builtins = new Set(builtinModules);
    const foreign = runtimeImports(code).filter(
      (name) => name !== 'electron' && name !== 'node-hid' && !name.startsWith('node:') && !builtins.has(name),
    );
    expect(foreign).toEqual([]);
  });

  test('the renderer entry was built', () => {
    expect(existsSync(out('renderer', 'index.html'))).toBe(true);
  });

  test('electron-builder.yml passes electron-builder’s own validation and its icons exist', async () => {
    const require = createRequire(join(projectDir, 'package.json'));
    // electron-builder's own loader and schema check, the first thing `electron-builder` runs.
    const configModule: {
      getConfig(projectDir: string, configPath: null, configFromOptions: null): Promise<unknown>;
      validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
    } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger }: { DebugLogger: new (enabled: boolean) => unknown } = require('builder-util');
    const config = await configModule.getConfig(projectDir, null, null);
    await configModule.validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({ appId: 'dk.kk.kvikdesk', productName: 'Kvikdesk' });
    expect(existsSync(join(projectDir, 'assets/icons/icon.ico'))).toBe(true);
    expect(existsSync(join(projectDir, 'assets/icons/png/512x512.png'))).toBe(true);
    expect(existsSync(join(projectDir, 'assets/icons/icon.png'))).toBe(true);
  });
});

const launch = electronLaunch();
if (!launch.canLaunch) {
  // Said out loud in the log, not only as a skip count.
  console.log(`\n[electron smoke] SKIPPED the launch tests: ${launch.reason}\n`);
}

test.describe('the running app', () => {
  test.skip(!launch.canLaunch, launch.canLaunch ? '' : launch.reason);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!launch.canLaunch) return;
    userData = await mkdtemp(join(tmpdir(), 'kvikdesk-smoke-'));
    app = await electron.launch({
      executablePath: launch.executablePath,
      args: [projectDir],
      cwd: projectDir,
      env: { ...process.env, KVIKDESK_USER_DATA: userData, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('opens one window on the app scheme and the renderer renders', async () => {
    expect(page.url()).toBe('kvikdesk://app/index.html');
    expect(app.windows()).toHaveLength(1);
    await expect(page.locator('#root')).not.toBeEmpty();
  });

  test('the page has no Node and reaches the main process only through the bridge', async () => {
    // contextBridge refuses to expose anything without contextIsolation, so a bridge object here
    // also shows isolation is on; `require` and `process` missing shows nodeIntegration is off.
    const globals = await page.evaluate(() => ({
      kvikdesk: typeof window.kvikdesk,
      require: typeof Reflect.get(globalThis, 'require'),
      process: typeof Reflect.get(globalThis, 'process'),
      module: typeof Reflect.get(globalThis, 'module'),
      bridgeKeys: Object.keys(window.kvikdesk ?? {}).sort(),
    }));
    expect(globals).toEqual({ kvikdesk: 'object', require: 'undefined', process: 'undefined', module: 'undefined', bridgeKeys: ['invoke', 'on'] });
  });

  test('every response carries the CSP, and eval is refused', async () => {
    const csp = await page.evaluate(() => fetch('/index.html').then((response) => response.headers.get('content-security-policy')));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    const evalRefused = await page.evaluate(() => {
      try {
        return globalThis.eval('1') !== 1;
      } catch {
        return true;
      }
    });
    expect(evalRefused).toBe(true);
  });

  test('the bridge answers contract channels and refuses everything else', async () => {
    const info = await page.evaluate(() => window.kvikdesk?.invoke('app:info', undefined));
    expect(info).toMatchObject({ ok: true, value: { name: 'Kvikdesk', electron: expect.any(String) } });
    const bad = await page.evaluate(() => Reflect.apply(window.kvikdesk!.invoke, null, ['secrets:set', { name: 'root', value: 1 }]));
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('bad request') });
    const foreign = await page.evaluate(() =>
      Reflect.apply(window.kvikdesk!.invoke, null, ['ELECTRON_BROWSER_REQUIRE', 'fs']).then(
        () => 'answered',
        (error: unknown) => String(error),
      ),
    );
    expect(foreign).toContain('not an IPC channel');
  });

  test('the desk token round-trips through the main process', async () => {
    const set = await page.evaluate(() => window.kvikdesk?.invoke('secrets:set', { name: 'deskToken', value: 'smoke-token-42' }));
    expect(set).toMatchObject({ ok: true, value: { encrypted: expect.any(Boolean) } });
    const get = await page.evaluate(() => window.kvikdesk?.invoke('secrets:get', 'deskToken'));
    expect(get).toEqual({ ok: true, value: 'smoke-token-42' });
    const onDisk = await readFile(join(userData, 'secrets.json'), 'utf8');
    const { value } = z.object({ ok: z.literal(true), value: z.object({ encrypted: z.boolean() }) }).parse(set);
    // Encrypted where the OS keychain is there; plain text, and reported so, where it is not.
    if (value.encrypted) expect(onDisk).not.toContain('smoke-token-42');
    else expect(onDisk).toContain('smoke-token-42');
  });

  test('navigation away and new windows are blocked', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('kvikdesk://app/index.html');
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });

  test('the permission handler is wired: geolocation is denied, not merely unavailable', async () => {
    // Electron grants every permission unless a handler says otherwise; ours grants only the camera.
    const code = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          navigator.geolocation.getCurrentPosition(
            () => resolve(0),
            (error) => resolve(error.code),
            { timeout: 5000 },
          ),
        ),
    );
    expect(code).toBe(1); // PERMISSION_DENIED
  });
});
