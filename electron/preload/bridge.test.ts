import { describe, expect, it } from 'vitest';
import { eventChannelNames, invokeChannelNames } from '../../shared/ipc/bridge';
import { eventChannels, invokeChannels } from '../../shared/ipc/contract';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Electron's ipcRenderer as far as the bridge uses it; `emit` plays the main process. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<[string, unknown[]]> = [];
  readonly listeners = new Map<string, Set<Listener>>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return Promise.resolve({ ok: true, value: `answer to ${channel}` });
  }
  on(channel: string, listener: Listener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0 };
    this.listeners.get(channel)?.forEach((listener) => listener(event, payload));
  }
}

describe('channel name lists', () => {
  it('are exactly the contract channels', () => {
    expect([...invokeChannelNames].sort()).toEqual(Object.keys(invokeChannels).sort());
    expect([...eventChannelNames].sort()).toEqual(Object.keys(eventChannels).sort());
  });
});

describe('createBridge', () => {
  it('invokes contract channels with the one request argument', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('secrets:get', 'deskToken')).resolves.toEqual({ ok: true, value: 'answer to secrets:get' });
    expect(ipc.invoked).toEqual([['secrets:get', ['deskToken']]]);
  });

  it('refuses channels outside the contract, whatever the page passes', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    // The page is plain JavaScript: it can pass any string, so the check must hold at run time.
    const untyped: { invoke(channel: string, request: unknown): Promise<unknown>; on(channel: string, listener: unknown): unknown } = {
      invoke: (channel, request) => Reflect.apply(bridge.invoke, bridge, [channel, request]),
      on: (channel, listener) => Reflect.apply(bridge.on, bridge, [channel, listener]),
    };
    await expect(untyped.invoke('ELECTRON_BROWSER_REQUIRE', 'fs')).rejects.toThrow('not an IPC channel');
    expect(() => untyped.on('ELECTRON_RENDERER_WINDOW_OPEN', () => undefined)).toThrow('not an event channel');
    expect(() => untyped.on('scanners:scan', 'not a function')).toThrow('must be a function');
    expect(ipc.invoked).toEqual([]);
    expect(ipc.listeners.size).toBe(0);
  });

  it('delivers only the payload, never the Electron event, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const stop = bridge.on('scanners:changed', (...args: unknown[]) => received.push(args));
    ipc.emit('scanners:changed', []);
    stop();
    ipc.emit('scanners:changed', [{ id: 'late' }]);
    expect(received).toEqual([[[]]]);
    expect(ipc.listeners.get('scanners:changed')?.size).toBe(0);
  });
});
