import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../shared/ipc/contract';

/**
 * The wiring in index.ts, run against a stand-in `electron` module (the real one needs the
 * Electron binary, which tests here do not have). The modules it wires are tested on their own;
 * this checks they are connected: scheme, session rules, handlers, window.
 */

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const windows: Array<{ options: unknown; url: string | null; webContents: { id: number; send: (...a: unknown[]) => void; isDestroyed: () => boolean } }> = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const session: Record<string, unknown> = {};
  const paths = new Map<string, string>();
  return { calls, handlers, windows, ready, resolveReady: () => resolveReady(), session, paths };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeApp extends EventEmitter {
    // As installed at a desk: the packaged app.
    isPackaged = true;
    name = 'kvikdesk';
    setName(name: string): void {
      fake.calls.push(`app.setName:${name}`);
      this.name = name;
    }
    getName(): string {
      return this.name;
    }
    getVersion(): string {
      return '0.1.0';
    }
    setPath(name: string, path: string): void {
      fake.calls.push(`app.setPath:${name}:${path}`);
      fake.paths.set(name, path);
    }
    getPath(name: string): string {
      // Only paths the code set itself: a made-up one would be written to on this machine and
      // remembered by the next run (the sync-server file did exactly that).
      const path = fake.paths.get(name) ?? fake.paths.get('userData');
      if (!path) throw new Error(`app.getPath('${name}') before app.setPath('userData')`);
      return path;
    }
    commandLine = { appendSwitch: (name: string, value: string) => fake.calls.push(`app.commandLine.appendSwitch:${name}=${value}`) };
    requestSingleInstanceLock(): boolean {
      fake.calls.push('app.requestSingleInstanceLock');
      return true;
    }
    whenReady(): Promise<void> {
      return fake.ready;
    }
    quit(): void {
      fake.calls.push('app.quit');
    }
    exit(code: number): void {
      fake.calls.push(`app.exit:${code}`);
    }
  }
  class FakeWebContents extends EventEmitter {
    static next = 1;
    id = FakeWebContents.next++;
    send = (...args: unknown[]): void => void fake.calls.push(`send:${String(args[0])}`);
    isDestroyed = (): boolean => false;
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    url: string | null = null;
    constructor(readonly options: unknown) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.url = url;
      return Promise.resolve();
    }
    static fromWebContents(): null {
      return null;
    }
  }
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      fake.calls.push(name);
      fake.session[name] = args[0];
    };
  return {
    app: new FakeApp(),
    BrowserWindow,
    Menu: { setApplicationMenu: (menu: unknown) => fake.calls.push(`Menu.setApplicationMenu:${String(menu)}`) },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => fake.handlers.set(channel, listener),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => fake.calls.push(`protocol.registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string) => fake.calls.push(`protocol.handle:${scheme}`),
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '', getSelectedStorageBackend: () => 'basic_text' },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
        setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
        webRequest: { onHeadersReceived: record('session.webRequest.onHeadersReceived') },
      },
    },
  };
});

let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'kvikdesk-main-'));
  vi.stubEnv('KVIKDESK_USER_DATA', userData);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('./index');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(userData, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('registers the app scheme, sets the Chromium switches and takes the single-instance lock before ready', () => {
    expect(fake.calls).toEqual([
      'app.setName:Kvikdesk',
      'app.commandLine.appendSwitch:disable-features=DeferRendererTasksAfterInput',
      'protocol.registerSchemesAsPrivileged:kvikdesk',
      `app.setPath:userData:${userData}`,
      'app.requestSingleInstanceLock',
    ]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });

  it('on ready: hardens the session, serves the scheme, registers every channel, opens the window', async () => {
    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'session.setPermissionRequestHandler',
        'session.setPermissionCheckHandler',
        'session.setDevicePermissionHandler',
        'protocol.handle:kvikdesk',
      ]),
    );
    // Production mode: no dev-server CSP injection.
    expect(fake.calls).not.toContain('session.webRequest.onHeadersReceived');
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    const window = fake.windows[0]!;
    expect(window.url).toBe('kvikdesk://app/index.html');
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(JSON.stringify(window.options)).toMatch(/preload[/\\\\]index\.cjs/);
  });

  it('packaged: no menu (Electron’s default one opens DevTools) and no DevTools at all', () => {
    expect(fake.calls).toContain('Menu.setApplicationMenu:null');
    expect(fake.windows[0]?.options).toMatchObject({ webPreferences: { devTools: false } });
  });

  it('tells the page’s policy which sync server it may reach, and asks for a reload when that changes', async () => {
    const window = fake.windows[0]!;
    const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: 'kvikdesk://app/index.html', parent: null } };
    const allow = fake.handlers.get('sync:server')!;
    expect(await allow(fromWindow, { url: 'https://inventory.example:8787' })).toEqual({ ok: true, value: { reload: true } });
    expect(await allow(fromWindow, { url: 'https://inventory.example:8787/' })).toEqual({ ok: true, value: { reload: false } });
  });

  it('answers the window and refuses anyone else', async () => {
    const window = fake.windows[0]!;
    const appInfo = fake.handlers.get('app:info')!;
    const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: 'kvikdesk://app/index.html', parent: null } };
    expect(await appInfo(fromWindow)).toEqual({ ok: true, value: { name: 'Kvikdesk', version: '0.1.0', platform: process.platform } });
    const stranger = { sender: { id: window.webContents.id + 100 }, senderFrame: { url: 'kvikdesk://app/index.html', parent: null } };
    expect(await appInfo(stranger)).toMatchObject({ ok: false });
  });

  it('keeps the desk token in the user-data folder, reporting no encryption without a keychain', async () => {
    const window = fake.windows[0]!;
    const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: 'kvikdesk://app/index.html', parent: null } };
    expect(await fake.handlers.get('secrets:set')!(fromWindow, { name: 'deskToken', value: 'tok' })).toEqual({ ok: true, value: { encrypted: false } });
    expect(await fake.handlers.get('secrets:get')!(fromWindow, 'deskToken')).toEqual({ ok: true, value: 'tok' });
  });
});
