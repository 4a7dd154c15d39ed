import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { appHost, appScheme } from './app-url';

/**
 * The built renderer (`out/renderer`) served over `kvikdesk://app/` instead of `file://`.
 * Why: a `file://` page has an opaque origin, so `fetch` of the decoder's `.wasm`, module workers
 * and origin-scoped storage misbehave, and every file on disk is same-"origin" with the app. The
 * custom scheme gives one secure origin, serves only files under the renderer folder, and lets
 * every response carry the CSP header.
 */

export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: {
    standard: true, // a real origin: relative URLs, storage, same-origin checks
    secure: true, // a secure context: getUserMedia (the camera) requires one
    supportFetchAPI: true, // zxing-wasm fetches its .wasm
    corsEnabled: true, // Vite's module scripts load with `crossorigin`
    stream: true, // scan sounds play through <audio>
    codeCache: true,
  },
};

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm', // instantiateStreaming refuses anything else
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
};

export function mimeTypeFor(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { kind: 'file'; path: string; fallback: boolean } | { kind: 'refused'; status: number };

/**
 * The file under `rootDir` a request URL names. Refuses other hosts and anything that would leave
 * the root once percent-decoded. A path without an extension is a client-side route, answered with
 * `index.html` (the `fallback` flag) so a reload on a route still shows the app.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { kind: 'refused', status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (pathname.includes('\0')) return { kind: 'refused', status: 400 };
  const root = resolve(rootDir);
  if (pathname === '/' || pathname === '') return { kind: 'file', path: resolve(root, 'index.html'), fallback: false };
  const path = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  if (path !== root && !path.startsWith(root + sep)) return { kind: 'refused', status: 403 };
  return { kind: 'file', path, fallback: extname(pathname) === '' };
}

export interface AppProtocolOptions {
  rootDir: string;
  /** The policy, asked for each response (it names the sync server, which can change). */
  csp: string | (() => string);
  read?: (path: string) => Promise<Uint8Array>;
}

/** The handler for `protocol.handle(appScheme, ...)`: only GET/HEAD, every answer with the CSP. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.read ?? ((path: string) => readFile(path));
  const baseHeaders = () => ({
    'content-security-policy': typeof options.csp === 'function' ? options.csp() : options.csp,
    'x-content-type-options': 'nosniff',
  });
  const refuse = (status: number): Response =>
    new Response(null, { status, headers: { ...baseHeaders(), 'content-type': 'text/plain; charset=utf-8' } });

  const serve = async (path: string, head: boolean): Promise<Response> => {
    const body = await read(path);
    const headers = { ...baseHeaders(), 'content-type': mimeTypeFor(path), 'content-length': String(body.byteLength) };
    // Copy into a fresh ArrayBuffer: a Node Buffer may be a view into a larger pooled one.
    return new Response(head ? null : new Uint8Array(body).buffer, { status: 200, headers });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(options.rootDir, request.url);
    if (resolved.kind === 'refused') return refuse(resolved.status);
    const head = request.method === 'HEAD';
    try {
      return await serve(resolved.path, head);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (!resolved.fallback) return refuse(404);
      try {
        return await serve(resolve(options.rootDir, 'index.html'), head);
      } catch (fallbackError) {
        if (isNotFound(fallbackError)) return refuse(404);
        throw fallbackError;
      }
    }
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR');
}
