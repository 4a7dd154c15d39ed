import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { appInfoHandlers } from './app-info';
import { deskChromiumSwitches } from './chromium-switches';
import { createAppProtocolHandler, appSchemePrivileges } from './app-protocol';
import { appScheme, isAppUrl, rendererLocation } from './app-url';
import { contentSecurityPolicy, withCspHeader } from './csp';
import { createEventSender } from './events';
import { registerInvokeHandlers } from './ipc';
import { printingHandlers } from './printing';
import { createHidScannerService } from './hid-scanners';
import { forwardScannerEvents, noScannerService, scannerHandlers, type ScannerService } from './scanners';
import { createSecretStore, secretHandlers, systemCipher } from './secrets';
import { hardenContents, hardenSession } from './security';
import { createSyncServerStore, syncServerHandlers } from './sync-server';
import { createMainWindow, focusWindow } from './window';

// Everything up to whenReady runs before `ready`, as registering a privileged scheme must.
// The display name (app:info, dialogs) is the product's, in development too.
app.setName('Kvikdesk');
for (const [name, value] of deskChromiumSwitches) app.commandLine.appendSwitch(name, value);
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Tests and a second desk on one machine point this elsewhere.
if (process.env['KVIKDESK_USER_DATA']) app.setPath('userData', process.env['KVIKDESK_USER_DATA']);

const renderer = rendererLocation(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
// Raw HID scanners (node-hid, loaded on first use). KVIKDESK_NO_HID=1 turns them off; the desk
// then runs with keyboard-wedge and camera scanning only.
const scanners: ScannerService = process.env['KVIKDESK_NO_HID'] ? noScannerService : createHidScannerService();
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, renderer.base));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void scanners.stop());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('main: could not start', error);
      app.exit(1);
    });
}

function start(): void {
  // A packaged desk has no menu (Electron's default one opens DevTools, where anyone at the desk
  // could read the token and edit the store) and no DevTools at all (`window-options.ts`).
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const syncServer = createSyncServerStore(join(app.getPath('userData'), 'sync-server.json'));
  // Asked per response: after the sync server changes, the reloaded page gets the new policy.
  const csp = () => contentSecurityPolicy({ dev: renderer.dev, syncOrigin: syncServer.origin() });
  hardenSession(session.defaultSession, renderer.base);
  protocol.handle(appScheme, createAppProtocolHandler({ rootDir: join(import.meta.dirname, '../renderer'), csp }));
  if (renderer.dev) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      const responseHeaders = withCspHeader(isAppUrl(details.url, renderer.base), details.responseHeaders, csp());
      callback(responseHeaders ? { responseHeaders } : {});
    });
  }

  const secrets = createSecretStore({
    filePath: join(app.getPath('userData'), 'secrets.json'),
    cipher: () => systemCipher(safeStorage, process.platform),
  });
  registerInvokeHandlers(
    ipcMain,
    {
      ...appInfoHandlers(app, process.platform, process.versions),
      ...scannerHandlers(scanners),
      ...printingHandlers<IpcMainInvokeEvent, WebContents>({
        showSaveDialog: (page, options) => {
          const owner = BrowserWindow.fromWebContents(page);
          return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
        },
        writeFile: (path, data) => writeFile(path, data),
        defaultDirectory: () => app.getPath('documents'),
      }),
      ...secretHandlers(secrets),
      ...syncServerHandlers(syncServer),
    },
    { appBase: renderer.base, isOwnWebContents: (id) => mainWindow?.webContents.id === id },
  );

  const send = createEventSender(() => mainWindow?.webContents ?? null);
  forwardScannerEvents(scanners, send);
  scanners.start();

  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), renderer, { devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
