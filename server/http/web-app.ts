import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * The web build of the desk app (`npm run build:web`, `out/web`) served at `/`, so a team lead or
 * finance opens the inventory's address in a browser without installing anything. A few lines
 * instead of a static-files plugin: the build is a handful of files, read-only, and served only
 * for GET/HEAD of paths outside `/v1/`. A path that leaves the folder (`..`, a symlink out) is a
 * 404, as is anything not a file. No token: the page is the app, its data comes through the API.
 */

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Where the file for a URL path is, or null when it is outside `root` or not a file. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  try {
    const real = await realpath(join(root, relative));
    if (real !== root && !real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = await realpath(webRoot);
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const file = path.startsWith('/v1/') ? null : await fileFor(root, path);
      if (!file) return reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${path}` } });
      const body = await readFile(file);
      // index.html names the hashed assets: it must be asked for again; they never change.
      const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
      return reply.header('content-type', types[extname(file)] ?? 'application/octet-stream').header('cache-control', cache).send(body);
    },
  });
}
