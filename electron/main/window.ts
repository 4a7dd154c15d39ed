import { BrowserWindow } from 'electron';
import type { RendererLocation } from './app-url';
import { mainWindowOptions } from './window-options';

/** Opens the desk's one window on the renderer. */
export function createMainWindow(preloadPath: string, location: RendererLocation, options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, options));
  window.once('ready-to-show', () => window.show());
  window.loadURL(location.entryUrl).catch((error: unknown) => {
    console.error(`window: could not load ${location.entryUrl}`, error);
  });
  return window;
}

/** Brings the window forward when a second copy of the app is started. */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
