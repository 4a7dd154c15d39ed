import { eventChannelNames, invokeChannelNames, type KvikdeskBridge } from '../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/contract';

/**
 * The bridge the page gets as `window.kvikdesk`. It lets through the contract's channels and no
 * others, and never hands the page an Electron object: `ipcRenderer` itself, or the event whose
 * `sender` is `ipcRenderer`, would let the page send on any channel it likes.
 *
 * No zod here: a sandboxed preload cannot load npm packages at run time, and checking is done on
 * both sides of it (the main process parses requests, the renderer parses answers and events).
 */

/** The part of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const invokable: ReadonlySet<string> = new Set<InvokeChannel>(invokeChannelNames);
const listenable: ReadonlySet<string> = new Set<EventChannel>(eventChannelNames);

export function createBridge(ipcRenderer: IpcRendererLike): KvikdeskBridge {
  return {
    // The channel is checked at run time too: the page is not bound by our types.
    invoke: (channel, request) => {
      if (!invokable.has(channel)) return Promise.reject(new Error(`kvikdesk: ${String(channel)} is not an IPC channel`));
      return ipcRenderer.invoke(channel, request);
    },
    on: (channel, listener) => {
      if (!listenable.has(channel)) throw new Error(`kvikdesk: ${String(channel)} is not an event channel`);
      if (typeof listener !== 'function') throw new Error('kvikdesk: the listener must be a function');
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  };
}
