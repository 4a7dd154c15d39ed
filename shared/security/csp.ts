/**
 * The renderer's Content Security Policy, one list for both builds: the web build puts it in a
 * meta tag (`vite.web.config.ts`), Electron's main process sends it as a header on every page and
 * worker script (`electron/main/csp.ts`). Why each source is there:
 * - `script-src 'wasm-unsafe-eval'`: the camera decoder (zxing-wasm) compiles WebAssembly; plain
 *   `eval` stays forbidden.
 * - `style-src 'unsafe-inline'`: React's `style` props and libraries that inject style tags.
 * - `img-src data: blob:` / `media-src blob: mediastream:`: generated barcodes, camera frames.
 * - `connect-src`: the page itself and the sync server. Electron knows the configured server and
 *   names only its origin; a plain browser build cannot know it in advance (`http: https:`).
 * - `worker-src blob:`: the decoder runs in a Web Worker.
 * - `object-src`, `base-uri`, `form-action 'none'`: no plugins, no `<base>` redirecting relative
 *   URLs, no form posting anywhere (the app submits nothing by navigation).
 */
export interface CspOptions {
  /** Where the page may connect besides itself: origins (`https://inventory.example:8787`) or schemes. */
  connect: readonly string[];
  /** Vite's dev server: its inline React Refresh preamble and its hot-reload WebSocket. */
  dev?: boolean;
}

/** Any server, for a build that cannot know which (the plain browser build). */
export const anyServer: readonly string[] = ['http:', 'https:'];

export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.dev === true;
  const directives: Array<[string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:', 'mediastream:']],
    ['connect-src', ["'self'", ...options.connect, ...(dev ? ['ws:'] : [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
