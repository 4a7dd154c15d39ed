import type { KvikdeskBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** The preload's bridge; present only in the Electron app (absent in plain Chromium). */
    readonly kvikdesk?: KvikdeskBridge;
  }
}

export {};
