import { createElectronPlatform } from './electron';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

/** Picks the Platform once, at start-up: the Electron bridge when the preload exposed it, else the web. */
export function pickPlatform(win: Window = window): Platform {
  return win.kvikdesk ? createElectronPlatform(win.kvikdesk) : createWebPlatform(win);
}
