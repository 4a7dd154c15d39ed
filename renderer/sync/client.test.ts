import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPullPage } from '../../shared/sync/protocol';
import { makeEvent } from '../../shared/testing/builders';
import { startTestServer, tokenFor, type TestServer } from '../../tests/support/sync-server';
import { createSyncClient, normalizeServerUrl, type FetchLike } from './client';
import { SyncError } from './sync-error';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const clientFor = (fetch: FetchLike, token = tokenFor('client-a'), timeoutMs = 5000) =>
  createSyncClient({ serverUrl: `${server.url}/`, token, fetch, timeoutMs });
const fixed = (status: number, body: string, headers: Record<string, string> = {}): FetchLike => async () => new Response(body, { status, headers });
const failure = (client: ReturnType<typeof clientFor>, call: (c: typeof client) => Promise<unknown>) =>
  call(client).then(
    () => null,
    (error: unknown) => error,
  );

describe('the sync client', () => {
  it('talks API version 1 to the real server: health, push, pull, devices', async () => {
    const client = clientFor(server.fetch);
    expect(await client.health()).toMatchObject({ status: 'ok', apiVersion: 1 });
    const received = makeEvent('received', 'imei:354381079141772', { deskId: 'client-a' });
    expect(await client.push([received])).toEqual([{ id: received.id, status: 'accepted', seq: expect.any(Number) }]);
    expect(readPullPage(await client.pull(0, 10)).events.map((e) => e.event.id)).toContain(received.id);
    const page = await client.devices(null, 10);
    expect(page.total).toBe(1);
    expect(page.devices[0]?.device.key).toBe('imei:354381079141772');
    expect((await client.devices('imei:354381079141772', 10)).total).toBeUndefined();
  });

  it('drops trailing slashes from the address', () => {
    expect(normalizeServerUrl(' https://inventory.example:8787/// ')).toBe('https://inventory.example:8787');
  });

  it('says why a request failed, in the terms the scheduler acts on', async () => {
    expect(await failure(clientFor(server.fetch, 'wrong'), (c) => c.pull(0, 1))).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('unauthorized') });
    expect(await failure(clientFor(fixed(503, '{"error":{"code":"unavailable","message":"db"}}', { 'retry-after': '7' })), (c) => c.pull(0, 1))).toMatchObject({
      kind: 'retry',
      status: 503,
      retryAfterMs: 7000,
    });
    expect(await failure(clientFor(fixed(404, '<html>not here</html>')), (c) => c.pull(0, 1))).toMatchObject({ kind: 'rejected', status: 404 });
    expect(await failure(clientFor(fixed(200, '<html>captive portal</html>')), (c) => c.health())).toMatchObject({ kind: 'protocol' });
    expect(await failure(clientFor(fixed(200, '{"status":"fine"}')), (c) => c.health())).toMatchObject({ kind: 'protocol' });
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await failure(clientFor(refused), (c) => c.health())).toMatchObject({ kind: 'network', message: expect.stringContaining('fetch failed') });
  });

  it('gives up on a server that does not answer, as a network failure', async () => {
    const silent: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await failure(clientFor(silent, 't', 50), (c) => c.health());
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'network', message: expect.stringContaining('no answer') });
  });

  it('refuses a push answer that does not answer each event in order', async () => {
    const a = makeEvent('note', 'imei:354381079141772', { deskId: 'client-a' });
    const b = makeEvent('note', 'imei:354381079141772', { deskId: 'client-a' });
    const swapped = JSON.stringify({ results: [{ id: b.id, status: 'accepted', seq: 2 }, { id: a.id, status: 'accepted', seq: 1 }] });
    expect(await failure(clientFor(fixed(200, swapped)), (c) => c.push([a, b]))).toMatchObject({ kind: 'protocol' });
    const short = JSON.stringify({ results: [{ id: a.id, status: 'accepted', seq: 1 }] });
    expect(await failure(clientFor(fixed(200, short)), (c) => c.push([a, b]))).toMatchObject({ kind: 'protocol' });
  });
});
