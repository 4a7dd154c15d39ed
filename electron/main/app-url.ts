/**
 * Where the renderer lives. In production it is served from the privileged `kvikdesk://app/`
 * scheme (see `app-protocol.ts`), in development from the electron-vite dev server. Every trust
 * decision (IPC senders, navigation, permissions) asks `isAppUrl` against this one base.
 */

export const appScheme = 'kvikdesk';
export const appHost = 'app';
export const productionEntryUrl = `${appScheme}://${appHost}/index.html`;

export interface RendererLocation {
  /** The URL the window loads. */
  entryUrl: string;
  /** The URL whose scheme and host every trusted URL shares. */
  base: string;
  dev: boolean;
}

/** The dev server when electron-vite runs one (it sets `ELECTRON_RENDERER_URL`), else the app scheme. */
export function rendererLocation(devServerUrl: string | undefined, isPackaged: boolean): RendererLocation {
  if (!isPackaged && devServerUrl) {
    const url = new URL(devServerUrl);
    return { entryUrl: url.href, base: `${url.protocol}//${url.host}/`, dev: true };
  }
  return { entryUrl: productionEntryUrl, base: `${appScheme}://${appHost}/`, dev: false };
}

/**
 * Same scheme and host (and port) as the app. Compared field by field because Node's URL gives
 * custom schemes an opaque `'null'` origin, which would make every custom-scheme URL look alike.
 */
export function isAppUrl(candidate: string | undefined | null, base: string): boolean {
  if (!candidate) return false;
  let url: URL;
  let root: URL;
  try {
    url = new URL(candidate);
    root = new URL(base);
  } catch {
    return false;
  }
  return url.protocol === root.protocol && url.host === root.host && url.username === '' && url.password === '';
}
