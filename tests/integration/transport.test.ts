import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { openDatabase } from '../../server/db/open';

/**
 * Finding 6 of issue 12: the token crossed the network in clear, failed token checks were free,
 * and a connection could be held open for ever. The server now speaks HTTPS when given a
 * certificate, answers an address that keeps failing `429`, and cuts slow and idle connections.
 */
const tlsDir = new URL('./support/tls/', import.meta.url);
const cert = readFileSync(new URL('localhost-cert.pem', tlsDir));
const key = readFileSync(new URL('localhost-key.pem', tlsDir));

let db: Database;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite' });
  app = buildServer({
    db,
    devTokens: parseDeskTokens('deskA=tokenA'),
    tls: { cert, key },
    timeouts: { requestMs: 1500, headersMs: 1000, idleMs: 3000, keepAliveMs: 1000 },
    authFailures: { max: 3, windowMs: 60_000 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** One HTTPS request that trusts the test certificate only. */
function get(path: string, token?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path, servername: 'localhost', ca: cert, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the server over HTTPS', () => {
  it('answers with the configured certificate, and the token travels encrypted', async () => {
    const health = await get(syncPaths.health);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    expect((await get(`${syncPaths.pull}?after=0`, 'tokenA')).status).toBe(200);
  });

  it('refuses plain HTTP on the same port', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}${syncPaths.health}`).then(
      (res) => res.status,
      () => 'refused',
    );
    expect(answer).not.toBe(200);
  });
});

describe('failed token checks', () => {
  it('are answered 429 with Retry-After past the limit, while a good token still gets through', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(syncPaths.pull, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await get(syncPaths.pull, 'wrong-again');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({ error: { code: 'too_many_requests' } });
    expect((await get(syncPaths.pull, 'tokenA')).status).toBe(200);
  });
});

describe('slow and idle connections', () => {
  it('are cut off: headers that never finish do not hold a socket', async () => {
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const socket = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ca: cert }, () => socket.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n'));
      socket.resume(); // read what the server says (its 408), or 'close' waits for that
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
      setTimeout(() => reject(new Error('the server kept the half-sent request open for 10 s')), 10_000).unref();
    });
    expect(closedAfter).toBeLessThan(10_000);
  });

  it('are cut off: a TLS handshake that never finishes does not hold a socket', async () => {
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => socket.write('\x16')); // the start of a TLS hello, then nothing
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => undefined);
      setTimeout(() => reject(new Error('the server kept the silent connection open for 10 s')), 10_000).unref();
    });
    expect(closedAfter).toBeLessThan(10_000);
  });
});
