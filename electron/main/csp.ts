/**
 * The renderer's Content Security Policy, sent as a response header on every document and worker
 * script the app serves. Why each source is there:
 * - `script-src 'wasm-unsafe-eval'`: the camera decoder (zxing-wasm) compiles WebAssembly; plain
 *   `eval` stays forbidden.
 * - `style-src 'unsafe-inline'`: React's `style` props and libraries that inject style tags.
 * - `img-src data: blob:` / `media-src blob: mediastream:`: generated barcodes, camera frames.
 * - `connect-src http: https:`: the sync server's URL is configured per desk, so it cannot be
 *   listed in advance.
 * - `worker-src blob:`: the decoder runs in a Web Worker.
 * Everything else (objects, frames, forms to elsewhere, base-uri tricks) falls to `default-src 'self'`.
 */

const productionDirectives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['media-src', ["'self'", 'blob:', 'mediastream:']],
  ['connect-src', ["'self'", 'http:', 'https:']],
  ['worker-src', ["'self'", 'blob:']],
];

/**
 * Development only: Vite's dev server injects an inline React Refresh preamble and talks to the
 * page over a WebSocket for hot reload. Never part of a build.
 */
const devAdditions: Readonly<Record<string, readonly string[]>> = {
  'script-src': ["'unsafe-inline'"],
  'connect-src': ['ws:'],
};

export function contentSecurityPolicy(options: { dev: boolean } = { dev: false }): string {
  return productionDirectives
    .map(([name, sources]) => {
      const extra = options.dev ? (devAdditions[name] ?? []) : [];
      return `${name} ${[...sources, ...extra].join(' ')}`;
    })
    .join('; ');
}

/**
 * Development only (`webRequest.onHeadersReceived`): the dev server's responses with the policy
 * added, or `null` for responses from anywhere else (the sync server, say), which are left alone.
 */
export function withCspHeader(
  isFromApp: boolean,
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> | null {
  if (!isFromApp) return null;
  return { ...headers, 'Content-Security-Policy': [policy] };
}
