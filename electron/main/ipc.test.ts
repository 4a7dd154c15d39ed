import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../shared/ipc/contract';
import { registerInvokeHandlers, senderRefusal, type InvokeEvent, type InvokeHandlers, type IpcMainLike } from './ipc';

const APP = 'kvikdesk://app/';
const WINDOW_ID = 7;
const policy = { appBase: APP, isOwnWebContents: (id: number) => id === WINDOW_ID };

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Records handlers as Electron's ipcMain would, and calls them as a renderer would. */
class FakeIpcMain implements IpcMainLike<InvokeEvent> {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  }
}

function fromApp(url = `${APP}index.html`): InvokeEvent {
  return { sender: { id: WINDOW_ID }, senderFrame: { url, parent: null } };
}

function silentLog(): { warnings: string[]; errors: string[]; warn(m: string): void; error(m: string): void } {
  const log = {
    warnings: [] as string[],
    errors: [] as string[],
    warn: (message: string) => void log.warnings.push(message),
    error: (message: string) => void log.errors.push(message),
  };
  return log;
}

function handlers(overrides: Partial<InvokeHandlers<InvokeEvent>> = {}): InvokeHandlers<InvokeEvent> {
  return {
    'app:info': () => ({ name: 'Kvikdesk', version: '0.1.0', platform: 'linux' }),
    'scanners:list': () => [],
    'print:page': ({ silent }) => ({ printed: !silent }),
    'print:pdf': ({ fileName }) => ({ saved: true, path: `/tmp/${fileName}` }),
    'secrets:get': (name) => `secret-of-${name}`,
    'secrets:set': () => ({ encrypted: true }),
    'sync:server': () => ({ reload: false }),
    ...overrides,
  };
}

function setUp(overrides: Partial<InvokeHandlers<InvokeEvent>> = {}) {
  const ipc = new FakeIpcMain();
  const log = silentLog();
  const unregister = registerInvokeHandlers(ipc, handlers(overrides), policy, log);
  return { ipc, log, unregister };
}

describe('registerInvokeHandlers', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { ipc, unregister } = setUp();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers { ok: true, value } for a valid request from the app', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke('app:info', fromApp())).resolves.toEqual({
      ok: true,
      value: { name: 'Kvikdesk', version: '0.1.0', platform: 'linux' },
    });
    await expect(ipc.invoke('secrets:get', fromApp(), 'deskToken')).resolves.toEqual({ ok: true, value: 'secret-of-deskToken' });
  });

  it('passes the parsed request, defaults applied, to the handler', async () => {
    const seen: unknown[] = [];
    const { ipc } = setUp({ 'print:page': (request) => (seen.push(request), { printed: true }) });
    await ipc.invoke('print:page', fromApp(), {});
    expect(seen).toEqual([{ silent: false }]);
  });

  it('answers { ok: false } for a request that breaks the schema, without calling the handler', async () => {
    let called = false;
    const { ipc } = setUp({ 'secrets:set': () => ((called = true), { encrypted: true }) });
    const result = await ipc.invoke('secrets:set', fromApp(), { name: 'root', value: 'x' });
    expect(result).toMatchObject({ ok: false });
    expect(result).toHaveProperty('error', expect.stringContaining('bad request for secrets:set'));
    expect(called).toBe(false);
    await expect(ipc.invoke('print:pdf', fromApp(), { fileName: '' })).resolves.toMatchObject({ ok: false });
    await expect(ipc.invoke('print:pdf', fromApp(), { fileName: 'a.pdf' }, 'extra')).resolves.toMatchObject({
      ok: false,
      error: expect.stringContaining('expected one argument'),
    });
  });

  it('refuses a frame from another origin', async () => {
    let called = false;
    const { ipc, log } = setUp({ 'secrets:get': () => ((called = true), 'leaked') });
    const result = await ipc.invoke('secrets:get', fromApp('https://evil.example/steal?token=abc'), 'deskToken');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('refused') });
    expect(called).toBe(false);
    expect(log.warnings.join('\n')).toContain('https://evil.example/steal');
    expect(log.warnings.join('\n')).not.toContain('token=abc');
  });

  it('refuses a subframe even when it shows an app URL', async () => {
    const { ipc } = setUp();
    const event: InvokeEvent = { sender: { id: WINDOW_ID }, senderFrame: { url: `${APP}index.html`, parent: {} } };
    await expect(ipc.invoke('app:info', event)).resolves.toMatchObject({ ok: false, error: expect.stringContaining('subframe') });
  });

  it('refuses a webContents that is not the app window, and a frame that is gone', async () => {
    const { ipc } = setUp();
    await expect(ipc.invoke('app:info', { sender: { id: 99 }, senderFrame: { url: `${APP}index.html`, parent: null } })).resolves.toMatchObject({ ok: false });
    await expect(ipc.invoke('app:info', { sender: { id: WINDOW_ID }, senderFrame: null })).resolves.toMatchObject({ ok: false });
  });

  it('turns a throwing handler into { ok: false, error } instead of a rejection', async () => {
    const { ipc, log } = setUp({
      'print:pdf': () => {
        throw new Error('disk full');
      },
    });
    await expect(ipc.invoke('print:pdf', fromApp(), { fileName: 'r.pdf' })).resolves.toEqual({ ok: false, error: 'disk full' });
    expect(log.errors).toHaveLength(1);
  });

  it('refuses to pass on an answer that breaks the contract', async () => {
    const { ipc, log } = setUp({
      // A handler bug, which the types cannot see once data comes from outside (a file, a device).
      'scanners:list': () => JSON.parse('[{"id":"x"}]'),
    });
    await expect(ipc.invoke('scanners:list', fromApp())).resolves.toEqual({
      ok: false,
      error: 'internal error: scanners:list gave an answer outside the contract',
    });
    expect(log.errors[0]).toContain('scanners:list');
  });
});

describe('senderRefusal', () => {
  it('is null only for the app window top frame on an app URL', () => {
    expect(senderRefusal(fromApp(), policy)).toBeNull();
    expect(senderRefusal(fromApp('kvikdesk://app/devices/1'), policy)).toBeNull();
    expect(senderRefusal(fromApp('file:///etc/passwd'), policy)).not.toBeNull();
    expect(senderRefusal(fromApp('kvikdesk://evil/index.html'), policy)).not.toBeNull();
  });
});
