import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from './app-protocol';

const CSP = "default-src 'self'";
let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kvikdesk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><p>app</p>');
  await writeFile(join(root, 'assets', 'decoder.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer folder that must never be served.
  await writeFile(join(base, 'secrets.json'), '{"deskToken":"x"}');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps the root and files under it', () => {
    expect(resolveAppPath('/r', 'kvikdesk://app/')).toEqual({ kind: 'file', path: resolve('/r/index.html'), fallback: false });
    expect(resolveAppPath('/r', 'kvikdesk://app/assets/a%20b.js')).toEqual({ kind: 'file', path: resolve('/r/assets/a b.js'), fallback: false });
  });

  it('refuses to leave the renderer folder, however the dots are spelled', () => {
    // The URL parser already folds plain and %2e dot segments, so these stay inside the root.
    expect(resolveAppPath('/r', 'kvikdesk://app/../secrets.json')).toMatchObject({ path: resolve('/r/secrets.json') });
    expect(resolveAppPath('/r', 'kvikdesk://app/%2e%2e/secrets.json')).toMatchObject({ path: resolve('/r/secrets.json') });
    // An encoded slash survives the parser and becomes a real `..` once decoded.
    expect(resolveAppPath('/r', 'kvikdesk://app/assets/..%2f..%2fsecrets.json')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppPath('/r', 'kvikdesk://app/..%2fr-sibling/x.js')).toEqual({ kind: 'refused', status: 403 });
    // A backslash is a separator on Windows only: either refused or a plain name inside the root.
    const backslashed = resolveAppPath('/r', 'kvikdesk://app/..%5c..%5csecrets.json');
    if (backslashed.kind === 'file') expect(backslashed.path.startsWith(resolve('/r') + sep)).toBe(true);
  });

  it('refuses other hosts, NUL bytes and broken escapes', () => {
    expect(resolveAppPath('/r', 'kvikdesk://other/index.html')).toEqual({ kind: 'refused', status: 404 });
    expect(resolveAppPath('/r', 'kvikdesk://app/index.html%00.png')).toEqual({ kind: 'refused', status: 400 });
    expect(resolveAppPath('/r', 'kvikdesk://app/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
  });

  it('marks extension-less paths as client-side routes', () => {
    expect(resolveAppPath('/r', 'kvikdesk://app/devices/123')).toMatchObject({ kind: 'file', fallback: true });
  });
});

describe('mimeTypeFor', () => {
  it('gives WebAssembly its own type, which instantiateStreaming insists on', () => {
    expect(mimeTypeFor('/x/decoder.WASM')).toBe('application/wasm');
    expect(mimeTypeFor('/x/app.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const handler = (): ((request: Request) => Promise<Response>) => createAppProtocolHandler({ rootDir: root, csp: CSP });

  it('serves files with their type, the CSP and nosniff', async () => {
    const response = await handler()(new Request('kvikdesk://app/assets/decoder.wasm'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  });

  it('answers a client-side route with index.html', async () => {
    const response = await handler()(new Request('kvikdesk://app/stock/report'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<p>app</p>');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    const response = await handler()(new Request('kvikdesk://app/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await handler()(new Request('kvikdesk://app/assets/..%2f..%2f..%2fsecrets.json'));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler()(new Request('kvikdesk://app/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
    const post = await handler()(new Request('kvikdesk://app/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('lets a read error other than not-found surface', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      csp: CSP,
      read: () => Promise.reject(Object.assign(new Error('disk on fire'), { code: 'EIO' })),
    });
    await expect(failing(new Request('kvikdesk://app/index.html'))).rejects.toThrow('disk on fire');
  });
});
