import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../tests/support/sync-desk';
import { startTestServer, type TestServer } from '../../tests/support/sync-server';
import type { FetchLike } from './client';
import { createSyncClient } from './client';
import { createSyncEngine } from './engine';
import { asSyncError, SyncError } from './sync-error';
import { readSyncState } from './sync-state';

/**
 * Issue 12's findings 4, 6 and 8 at the desk: an event it cannot read does not stop its pull, a
 * page the server cannot carry is asked for smaller, the token goes only over HTTPS (or to this
 * machine), and a failure of its own store is not "the server does not answer".
 */
let server: TestServer;
const desks: TestDesk[] = [];
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
});

async function desk(deskId: string, via: FetchLike = server.fetch): Promise<TestDesk> {
  const opened = await openTestDesk(deskId, { url: server.url, fetch: via }, { engine: { pullLimit: 3 } });
  desks.push(opened);
  return opened;
}

/** What a newer server would store: an event of a type this version does not know, in the log. */
async function storeFutureEvent(key: string): Promise<number> {
  return server.db.transaction(async (tx) => {
    const [row] = await tx.query('UPDATE sync_head SET seq = seq + 1 RETURNING seq');
    const seq = Number(row?.seq);
    const event = { id: `0190b000-0000-7000-8000-${String(seq).padStart(12, '0')}`, type: 'teleported', deviceKey: key, at: '2026-11-30T10:00:00.000Z', deskId: 'newer-desk', operator: 'X', data: { to: 'Mars' } };
    await tx.query(`INSERT INTO events (seq, id, device_key, desk_id, type, status, event) VALUES ($1, $2, $3, 'newer-desk', 'teleported', 'accepted', $4::jsonb)`, [seq, event.id, key, JSON.stringify(event)]);
    return seq;
  });
}

describe('a pulled event this desk cannot read (finding 4)', () => {
  it('is kept aside, counted, and the pull goes on to the head', async () => {
    const a = await desk('trust-a');
    const b = await desk('trust-b');
    await b.engine.sync(); // bootstrapped before anything happens: it pulls everything after
    const key = 'imei:350000000000777';
    await a.act('received', key);
    await a.engine.sync();
    const future = await storeFutureEvent(key);
    await a.act('prepared', key, { wiped: true, enrolled: true });
    const report = await a.engine.sync();

    const pulled = await b.engine.sync();
    expect(pulled.unreadable).toBe(1);
    expect((await readSyncState(b.db)).cursor).toBe(report.head);
    expect(await b.db.unreadable.toArray()).toEqual([
      expect.objectContaining({ seq: future, status: 'accepted', type: 'teleported', deviceKey: key, problem: expect.stringContaining('type') }),
    ]);
    // The events after it were read and applied: the desk shows the device prepared.
    expect((await b.db.devices.get(key))?.status).toBe('ready');
    // Pulling again does not count it twice.
    await b.engine.sync();
    expect(await b.db.unreadable.count()).toBe(1);
  });
});

describe('a page the server cannot carry (finding 1, the desk’s half)', () => {
  it('is asked for again smaller after a 5xx, and the pull completes', async () => {
    const a = await desk('trust-c');
    const limits: number[] = [];
    // A proxy in front of the server refuses any pull page of more than one event.
    const proxy: FetchLike = async (url, init) => {
      const limit = /\/v1\/pull\?.*limit=(\d+)/.exec(url)?.[1];
      if (limit) limits.push(Number(limit));
      if (limit && Number(limit) > 1) return new Response('<html>502 Bad Gateway</html>', { status: 502 });
      return server.fetch(url, init);
    };
    const b = await desk('trust-d', proxy);
    await b.engine.sync(); // bootstrapped while the log is empty: what follows comes by pull
    for (let i = 0; i < 6; i++) await a.act('received', `imei:3500000000010${String(i).padStart(2, '0')}`);
    await a.engine.sync();
    limits.length = 0;
    const report = await b.engine.sync();
    expect(report.pulled).toBe(6);
    expect(limits[0]).toBeGreaterThan(1); // refused, asked again smaller
    expect(limits[1]).toBe(1);
    expect((await readSyncState(b.db)).cursor).toBe(report.head);
  });
});

describe('the token travels only over HTTPS or to this machine (finding 6)', () => {
  it('refuses a plain http:// server elsewhere before sending anything', async () => {
    let sent = 0;
    const count: FetchLike = async (url, init) => {
      sent += 1;
      return server.fetch(url, init);
    };
    const d = await desk('trust-e');
    const engine = createSyncEngine({ db: d.db, client: createSyncClient({ serverUrl: 'http://inventory.example:8787', token: 'secret', fetch: count }) });
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'config' });
    expect(sent).toBe(0);
    for (const local of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787', 'https://inventory.example'])
      await expect(createSyncClient({ serverUrl: local, token: 't', fetch: server.fetch }).health()).resolves.toMatchObject({ status: 'ok' });
  });
});

describe('a failure of the desk’s own store (finding 8)', () => {
  it('is a storage error — full or otherwise — never a network one', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(asSyncError(quota).kind).toBe('storage_full');
    const d = await desk('trust-f');
    d.db.close();
    const closed = await d.db.devices.count().catch((error: unknown) => error);
    expect(asSyncError(closed).kind).toBe('storage');
    expect(asSyncError(new SyncError('network', 'offline')).kind).toBe('network');
    expect(asSyncError(new Error('a bug')).kind).toBe('unexpected');
    await d.db.open();
  });
});
