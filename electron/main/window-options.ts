import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The web preferences are the security boundary between the page and
 * the machine, so each one is spelled out even where it is Electron's default: a future default
 * change, or a copied snippet, must not loosen them unnoticed.
 */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean } = { devTools: false }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Kvikdesk',
    // Shown on `ready-to-show`, so the desk never flashes an empty white window.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // the page cannot touch the preload's objects
      sandbox: true, // the renderer is an ordinary Chromium sandboxed process
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false, // a file dropped on the window must not replace the app
      safeDialogs: true,
      spellcheck: false, // serials and IMEIs are not words
      // Off in the packaged app: DevTools would show the token passing through the bridge and let
      // anyone at the desk edit the store. On in development only.
      devTools: options.devTools,
    },
  };
}
