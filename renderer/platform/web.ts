import { version } from '../../package.json';
import type { Platform } from './platform';

const secretPrefix = 'kvikdesk.secret.';

/**
 * The renderer in plain Chromium: no raw HID (the keyboard wedge and the camera still work), the
 * browser's print dialog for printing and PDF, and secrets in localStorage — not encrypted, which
 * `setSecret` says so the settings can tell the operator.
 */
export function createWebPlatform(win: Window = window): Platform {
  return {
    capabilities: { hidScanners: false },
    appInfo: async () => ({ name: 'Kvikdesk', version, platform: `web (${win.navigator.userAgent.includes('Chrome') ? 'Chromium' : 'browser'})` }),
    onScan: () => () => {},
    listScanners: async () => [],
    onScannersChanged: () => () => {},
    print: async () => {
      win.print();
      return { printed: true };
    },
    savePdf: async () => {
      // The browser's print dialog offers "Save as PDF"; the browser keeps the path to itself.
      win.print();
      return { saved: false };
    },
    getSecret: async (name) => win.localStorage.getItem(secretPrefix + name),
    setSecret: async (name, value) => {
      win.localStorage.setItem(secretPrefix + name, value);
      return { encrypted: false };
    },
    // A browser build's policy cannot know the server in advance (`connect-src http: https:`).
    allowSyncServer: async () => ({ reload: false }),
  };
}
