import type { Platform } from './platform';
import { createWebPlatform } from './web';

/** Picks the Platform once, at start-up: the Electron bridge when the preload exposed it, else the web. */
export function pickPlatform(win: Window = window): Platform {
  return createWebPlatform(win);
}
