import { isAppUrl } from './app-url';

/**
 * The window may show the app and nothing else, and ask for the camera and nothing else.
 * Decisions are pure functions (tested beside this file); `hardenContents` and `hardenSession`
 * attach them to Electron. Refusals are logged so a blocked feature is found, not guessed at.
 */

/** Only the app's own pages; a link or a script sending the window elsewhere is stopped. */
export function isNavigationAllowed(url: string, appBase: string): boolean {
  return isAppUrl(url, appBase);
}

export interface PermissionRequestFacts {
  permission: string;
  /** For `media`: what is asked for. */
  mediaTypes?: readonly string[] | undefined;
  requestingUrl?: string | undefined;
  isMainFrame: boolean;
}

/** `getUserMedia` for video (the camera scanner) from the app's top frame; nothing else, ever. */
export function isPermissionRequestGranted(request: PermissionRequestFacts, appBase: string): boolean {
  if (request.permission !== 'media') return false;
  if (!request.isMainFrame || !isAppUrl(request.requestingUrl, appBase)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

export interface PermissionCheckFacts {
  permission: string;
  mediaType?: string | undefined;
  requestingOrigin: string;
}

/**
 * Synchronous checks (device labels from `enumerateDevices`, `navigator.permissions.query`).
 * Same rule as requests, so the camera picker can name cameras while microphones, HID, USB and
 * serial stay closed (raw HID scanners are read by the main process, not the page).
 */
export function isPermissionCheckGranted(check: PermissionCheckFacts, appBase: string): boolean {
  return check.permission === 'media' && check.mediaType === 'video' && isAppUrl(check.requestingOrigin, appBase);
}

type Log = (message: string) => void;

/** The part of `WebContents` the rules attach to. */
export interface HardenableContents {
  on(event: 'will-frame-navigate', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** For every webContents: no navigation away, no new windows, no webviews. */
export function hardenContents(contents: HardenableContents, appBase: string, log: Log = console.warn): void {
  // will-frame-navigate covers the top frame and subframes (will-navigate only the top one).
  contents.on('will-frame-navigate', (event) => {
    if (isNavigationAllowed(event.url, appBase)) return;
    event.preventDefault();
    log(`security: blocked navigation to ${describeUrl(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('security: blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`security: blocked a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });
}

/** The part of `Session` the permission rules attach to. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string; isMainFrame: boolean; mediaTypes?: Array<'video' | 'audio'> },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: { mediaType?: 'video' | 'audio' | 'unknown' }) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function hardenSession(session: HardenableSession, appBase: string, log: Log = console.warn): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionRequestGranted(
      { permission, mediaTypes: details.mediaTypes, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame },
      appBase,
    );
    if (!granted) log(`security: refused permission ${permission} ${details.mediaTypes?.join('+') ?? ''}`.trimEnd());
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckGranted({ permission, mediaType: details.mediaType, requestingOrigin }, appBase),
  );
  // WebHID, WebUSB, Web Serial: never granted to the page.
  session.setDevicePermissionHandler(() => false);
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
