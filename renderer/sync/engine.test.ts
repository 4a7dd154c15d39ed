import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devicesResponseSchema, pullResponseSchema } from '../../shared/sync/protocol';
import { openTestDesk, normalize, type TestDesk } from '../../tests/support/sync-desk';
import { startTestServer, tokenFor, type TestServer } from '../../tests/support/sync-server';
import type { FetchLike } from './client';
import { isOpen, listConflicts, resolveConflict } from './conflicts';
import { pullOnce } from './pull';
import { pushOnce } from './push';
import { SyncError } from './sync-error';
import { readSyncState } from './sync-state';
import { importReferenceCsv } from '../../server/reference/import-csv';

let server: TestServer;
const desks: TestDesk[] = [];
let imeiCounter = 100;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  server.down(false);
  for (const desk of desks.splice(0)) await desk.close();
});

/** A device key no other test uses (the server is shared by the file). */
const newKey = () => `imei:35${String(++imeiCounter).padStart(13, '0')}`;

async function desk(deskId: string, options: Parameters<typeof openTestDesk>[2] = {}, via: FetchLike = server.fetch): Promise<TestDesk> {
  const opened = await openTestDesk(deskId, { url: server.url, fetch: via }, options);
  desks.push(opened);
  return opened;
}

async function serverEvents(deskId = 'reader') {
  const all = [];
  for (let after = 0; ; ) {
    const res = await server.fetch(`${server.url}/v1/pull?after=${after}`, { headers: { authorization: `Bearer ${tokenFor(deskId)}` } });
    const page = pullResponseSchema.parse(await res.json());
    all.push(...page.events);
    after = page.last;
    if (!page.more) return all;
  }
}

async function serverDevice(key: string) {
  const res = await server.fetch(`${server.url}/v1/devices?limit=5000`, { headers: { authorization: `Bearer ${tokenFor('reader')}` } });
  return normalize(devicesResponseSchema.parse(await res.json()).devices.find((d) => d.device.key === key)?.device ?? null);
}

const shownOf = async (d: TestDesk, key: string) => {
  const row = await d.db.devices.get(key);
  if (!row) return null;
  const { identifiers: _identifiers, ...device } = row;
  return normalize(device);
};

describe('push', () => {
  it('sends the outbox in order, in batches, and removes each entry once answered', async () => {
    const a = await desk('push-a', { engine: { push: { maxEvents: 2 } } });
    const key = newKey();
    for (const type of ['received', 'prepared', 'handed_out', 'returned', 'prepared'] as const) expect((await a.act(type, key)).ok).toBe(true);
    const ids = (await a.db.outbox.orderBy('n').toArray()).map((e) => e.eventId);

    expect(await pushOnce(a.db, a.client, { maxEvents: 2 })).toEqual({ sent: 2, accepted: 2, conflict: 0, invalid: 0 });
    expect((await a.db.outbox.orderBy('n').toArray()).map((e) => e.eventId)).toEqual(ids.slice(2));

    const report = await a.engine.sync();
    expect(report.pushed).toBe(3);
    expect(await a.db.outbox.count()).toBe(0);
    const onServer = (await serverEvents()).filter((e) => e.event.deskId === 'push-a');
    expect(onServer.map((e) => e.event.id)).toEqual(ids);
    const stored = await a.db.events.bulkGet(ids);
    expect(stored.map((e) => e?.sync)).toEqual(Array(5).fill('accepted'));
    expect(stored.map((e) => e?.seq)).toEqual(onServer.map((e) => e.seq));
    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
  });

  it('a reply lost on the way back changes nothing: the retry is answered duplicate, with the same seq', async () => {
    let dropReplies = true;
    const lossy: FetchLike = async (url, init) => {
      const response = await server.fetch(url, init);
      if (dropReplies && url.includes('/v1/push')) throw new TypeError('connection reset');
      return response;
    };
    const a = await desk('lossy-a', {}, lossy);
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);

    await expect(a.engine.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(await a.db.outbox.count()).toBe(2);
    expect((await a.db.outbox.toArray()).every((e) => e.attempts === 1 && e.lastError?.includes('connection reset'))).toBe(true);
    const firstSeqs = (await serverEvents()).filter((e) => e.event.deskId === 'lossy-a').map((e) => e.seq);
    expect(firstSeqs).toHaveLength(2);

    dropReplies = false;
    await a.engine.sync();
    expect(await a.db.outbox.count()).toBe(0);
    const events = (await serverEvents()).filter((e) => e.event.deskId === 'lossy-a');
    expect(events.map((e) => e.seq)).toEqual(firstSeqs);
    expect((await a.db.events.toArray()).map((e) => e.seq)).toEqual(firstSeqs);
    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
  });

  it('a pull that brings back an event whose push answer was lost settles it', async () => {
    let dropReplies = true;
    const lossy: FetchLike = async (url, init) => {
      const response = await server.fetch(url, init);
      if (dropReplies && url.includes('/v1/push')) throw new TypeError('connection reset');
      return response;
    };
    const a = await desk('settle-a', {}, lossy);
    await a.engine.sync(); // bootstrapped, cursor at the head
    const key = newKey();
    await a.act('received', key);
    await expect(pushOnce(a.db, a.client)).rejects.toBeInstanceOf(SyncError);
    dropReplies = false;
    for (let more = true; more; ) more = (await pullOnce(a.db, a.client)).more;
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.events.toArray()).toMatchObject([{ sync: 'accepted', deviceKey: key }]);
    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
  });

  it('503 while the database is away: nothing removed, and the next sync completes', async () => {
    const a = await desk('outage-a');
    const key = newKey();
    await a.act('received', key);
    server.down(true);
    const error = await a.engine.sync().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'retry', status: 503 });
    expect((error as SyncError).retryAfterMs).toBe(5000);
    expect(await a.db.outbox.count()).toBe(1);
    server.down(false);
    await a.engine.sync();
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('401: a refused token stops the sync with an auth error and changes nothing', async () => {
    const a = await desk('auth-a', { token: 'not-a-token' });
    await a.act('received', newKey());
    await expect(a.engine.sync()).rejects.toMatchObject({ kind: 'auth', status: 401 });
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.db.events.toArray())[0]?.sync).toBe('pending');
    expect(await readSyncState(a.db)).toMatchObject({ cursor: 0, bootstrap: { done: false, fetched: 0 } });
  });

  it('an event of another desk is answered invalid: flagged, kept, never pushed again', async () => {
    const a = await desk('invalid-a');
    const key = newKey();
    await a.act('received', key);
    // The desk id was changed in the settings; the token still belongs to invalid-a.
    a.ctx.deskId = 'someone-else';
    const note = await a.act('note', key, { text: 'skrevet under et andet skranke-id' });
    expect(note.ok).toBe(true);
    const report = await a.engine.sync();
    expect(report).toMatchObject({ pushed: 2, invalid: 1, conflicts: 0 });
    expect(await a.db.outbox.count()).toBe(0);
    const id = note.ok ? note.event.id : '';
    expect(await a.db.events.get(id)).toMatchObject({ sync: 'invalid', reasonCode: 'wrong_desk' });
    const [view] = await listConflicts(a.db);
    expect(view).toMatchObject({ conflict: { eventId: id, status: 'invalid', reasonCode: 'wrong_desk' } });
    expect(view && isOpen(view)).toBe(true);
    // The shown device is the server's: the note is not in it.
    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
    expect((await serverEvents()).some((e) => e.event.id === id)).toBe(false);
  });
  it('an event too large for any push is flagged for a person, and the outbox behind it goes on', async () => {
    const b = await desk('large-b');
    const key = newKey();
    await b.act('received', key);
    const big = await b.act('note', key, { text: 'y'.repeat(2000) });
    await b.act('moved', key, { to: 'KVIK-RH' });
    // Requests of at most 1,000 bytes here: the note alone is larger.
    expect(await pushOnce(b.db, b.client, { maxBytes: 1000 })).toMatchObject({ sent: 1, accepted: 1 });
    expect(await pushOnce(b.db, b.client, { maxBytes: 1000 })).toEqual({ sent: 0, accepted: 0, conflict: 0, invalid: 1 });
    expect(await pushOnce(b.db, b.client, { maxBytes: 1000 })).toMatchObject({ sent: 1, accepted: 1 });
    expect(await pushOnce(b.db, b.client, { maxBytes: 1000 })).toBeNull();
    const bigId = big.ok ? big.event.id : '';
    expect(await b.db.events.get(bigId)).toMatchObject({ sync: 'invalid', reasonCode: 'too_large' });
    expect(await b.db.conflicts.get(bigId)).toMatchObject({ status: 'invalid', reasonCode: 'too_large' });
  });
});

describe('pull', () => {
  it("another desk's events arrive in the history and the projection", async () => {
    const a = await desk('pull-a');
    const b = await desk('pull-b');
    await b.engine.sync();
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);
    await a.engine.sync();
    const report = await b.engine.sync();
    expect(report.pulled).toBeGreaterThanOrEqual(2);
    const history = await b.db.events.where('[deviceKey+at]').between([key, ''], [key, '\uffff']).toArray();
    expect(history.map((e) => [e.type, e.sync, e.deskId])).toEqual([
      ['received', 'accepted', 'pull-a'],
      ['prepared', 'accepted', 'pull-a'],
    ]);
    expect(history.every((e) => e.prior === undefined)).toBe(true);
    expect(await shownOf(b, key)).toEqual(await serverDevice(key));
    expect((await readSyncState(b.db)).cursor).toBe(report.head);
  });

  it('shows the confirmed state with this desk\'s pending events on top, until they are confirmed', async () => {
    const a = await desk('overlay-a');
    const b = await desk('overlay-b');
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);
    await a.engine.sync();
    await b.engine.sync();
    // B hands it out offline; meanwhile A notes something on it and syncs.
    expect((await b.act('handed_out', key, { employeeId: 'E7', department: 'BUF' })).ok).toBe(true);
    await a.act('note', key, { text: 'ridse' });
    await a.engine.sync();
    // B pulls only: the note is confirmed, the handout still pending and still shown.
    for (let more = true; more; ) more = (await pullOnce(b.db, b.client)).more;
    const shown = await b.db.devices.get(key);
    expect(shown).toMatchObject({ status: 'assigned', holder: { employeeId: 'E7' } });
    expect((await b.db.confirmed.get(key))?.device).toMatchObject({ status: 'ready' });
    // B pushes: accepted, but not pulled yet — the device still shows the handout.
    await pushOnce(b.db, b.client);
    expect(await b.db.devices.get(key)).toMatchObject({ status: 'assigned' });
    await b.engine.sync();
    expect(await shownOf(b, key)).toEqual(await serverDevice(key));
    expect((await b.db.confirmed.get(key))?.device).toMatchObject({ status: 'assigned' });
  });
});

describe('conflicts', () => {
  it('the desk that lost falls back to the server\'s truth and lists the conflict with its reason', async () => {
    const a = await desk('lost-a');
    const b = await desk('won-b');
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);
    await a.engine.sync();
    await b.engine.sync();
    // Both offline: B disposes of it, A hands it out and then returns it.
    await b.act('disposed', key);
    const handout = await a.act('handed_out', key);
    const back = await a.act('returned', key, { condition: 'damaged' });
    expect(handout.ok && back.ok).toBe(true);
    await b.engine.sync();
    // The push alone already takes the refused handout out of what A shows: A is back at the
    // confirmed state it knows (B's disposal is not pulled yet).
    expect(await a.db.devices.get(key)).toMatchObject({ status: 'returned' });
    expect(await pushOnce(a.db, a.client)).toMatchObject({ conflict: 2 });
    expect(await a.db.devices.get(key)).toMatchObject({ status: 'ready', lastEventId: (await a.db.confirmed.get(key))?.device?.lastEventId });
    const report = await a.engine.sync();
    expect(report).toMatchObject({ pushed: 0, diverged: 0 });

    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
    expect(await a.db.devices.get(key)).toMatchObject({ status: 'disposed' });
    const views = await listConflicts(a.db);
    expect(views.map((v) => [v.conflict.type, v.conflict.reasonCode, v.conflict.status])).toEqual(
      expect.arrayContaining([
        ['handed_out', 'device_disposed', 'conflict'],
        ['returned', 'device_disposed', 'conflict'],
      ]),
    );
    expect(views.every(isOpen)).toBe(true);
    const handoutId = handout.ok ? handout.event.id : '';
    expect(await a.db.events.get(handoutId)).toMatchObject({ sync: 'conflict', reasonCode: 'device_disposed', reason: expect.stringContaining('disposed') });
    // B, the desk that won, has nothing to resolve — and sees A's refused events in the history.
    await b.engine.sync();
    expect(await listConflicts(b.db)).toEqual([]);
    expect(await b.db.events.get(handoutId)).toMatchObject({ sync: 'conflict', deskId: 'lost-a' });

    // A person at A resolves one by recording a correction; it syncs like any event.
    const resolved = await resolveConflict(a.db, a.ctx, handoutId, { reason: 'Enheden lå i kassen til bortskaffelse' });
    expect(resolved.ok).toBe(true);
    await a.engine.sync();
    const after = await listConflicts(a.db);
    const settled = after.find((v) => v.conflict.eventId === handoutId);
    expect(settled?.resolvedBy?.data).toMatchObject({ resolves: handoutId });
    expect(settled && isOpen(settled)).toBe(false);
    expect(after.filter(isOpen)).toHaveLength(1);
    expect(await shownOf(a, key)).toEqual(await serverDevice(key));
  });

  it('an undo of an event the server refused is listed as settled, not as work for a person', async () => {
    const a = await desk('undo-a');
    const b = await desk('undo-b');
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);
    await a.engine.sync();
    await b.engine.sync();
    await b.act('reported_lost', key);
    const handout = await a.act('handed_out', key);
    const undo = await a.undo();
    expect(undo.ok).toBe(true);
    expect(await a.db.devices.get(key)).toMatchObject({ status: 'ready' });
    await b.engine.sync();
    await a.engine.sync();
    const views = await listConflicts(a.db);
    const handoutView = views.find((v) => handout.ok && v.conflict.eventId === handout.event.id);
    const undoView = views.find((v) => v.event?.type === 'corrected');
    expect(handoutView).toMatchObject({ conflict: { reasonCode: 'device_lost' } });
    expect(handoutView && isOpen(handoutView)).toBe(true);
    expect(undoView).toMatchObject({ conflict: { reasonCode: 'undo_not_latest' }, settledBecause: 'undo_of_refused' });
    expect(undoView && isOpen(undoView)).toBe(false);
    expect(await a.db.devices.get(key)).toMatchObject({ status: 'lost' });
  });
});

describe('bootstrap', () => {
  it('a new desk fills its store from the snapshot, with progress, then pulls — even with events in between', async () => {
    const a = await desk('boot-a', { engine: { push: { maxEvents: 50 } } });
    const keys = Array.from({ length: 12 }, newKey);
    for (const key of keys) {
      await a.act('received', key);
      await a.act('prepared', key);
    }
    await a.engine.sync();

    // Between the new desk's snapshot pages, A hands out a device of an early page and registers a new one.
    let pages = 0;
    const late = newKey();
    const between: FetchLike = async (url, init) => {
      if (url.includes('/v1/devices') && ++pages === 2) {
        await a.act('handed_out', keys[0] as string);
        await a.act('received', late);
        await a.engine.sync();
      }
      return server.fetch(url, init);
    };
    const c = await desk('boot-c', { engine: { snapshotPageSize: 5 } }, between);
    const progress: Array<[number, number | null]> = [];
    const report = await c.engine.sync((p) => progress.push([p.fetched, p.total]));
    // The pull started before the later pages' snapshots and skipped what they already held.
    expect(report.pulled).toBeGreaterThan(0);
    expect(report.diverged).toBe(0);
    expect(pages).toBeGreaterThan(2);
    const total = progress[1]?.[1] ?? 0;
    expect(total).toBeGreaterThanOrEqual(12);
    expect(progress[0]).toEqual([0, null]);
    expect(progress.at(-1)?.[0]).toBeGreaterThanOrEqual(total);
    expect(progress.map(([fetched]) => fetched)).toEqual([...progress.map(([fetched]) => fetched)].sort((x, y) => x - y));

    expect(await shownOf(c, keys[0] as string)).toMatchObject({ status: 'assigned' });
    expect(await shownOf(c, late)).toEqual(await serverDevice(late));
    const all = devicesResponseSchema.parse(await (await server.fetch(`${server.url}/v1/devices?limit=5000`, { headers: { authorization: `Bearer ${tokenFor('x')}` } })).json());
    expect(await c.shown()).toEqual(normalize(all.devices.map((d) => d.device)));
    expect(await c.db.confirmed.count()).toBe(all.devices.length);
    expect(await readSyncState(c.db)).toMatchObject({ bootstrap: { done: true }, cursor: all.asOf });
  });

  it('a desk closed half-way through resumes after the last page it stored', async () => {
    const a = await desk('resume-a', { engine: { push: { maxEvents: 100 } } });
    for (let i = 0; i < 9; i++) await a.act('received', newKey());
    await a.engine.sync();
    let pages = 0;
    const failing: FetchLike = async (url, init) => {
      if (url.includes('/v1/devices') && ++pages === 3) throw new TypeError('the desk was closed');
      return server.fetch(url, init);
    };
    const name = `resume-c-${process.pid}`;
    const first = await openTestDesk('resume-c', { url: server.url, fetch: failing }, { dbName: name, engine: { snapshotPageSize: 4 } });
    await expect(first.engine.sync()).rejects.toMatchObject({ kind: 'network' });
    const stopped = await readSyncState(first.db);
    expect(stopped.bootstrap).toMatchObject({ done: false, fetched: 8 });
    first.db.close();

    const asked: string[] = [];
    const watching: FetchLike = (url, init) => {
      if (url.includes('/v1/devices')) asked.push(new URL(url).searchParams.get('after') ?? '');
      return server.fetch(url, init);
    };
    const again = await desk('resume-c', { dbName: name, engine: { snapshotPageSize: 4 } }, watching);
    await again.engine.sync();
    expect(asked[0]).toBe(stopped.bootstrap.after);
    const all = devicesResponseSchema.parse(await (await server.fetch(`${server.url}/v1/devices?limit=5000`, { headers: { authorization: `Bearer ${tokenFor('x')}` } })).json());
    expect(await again.shown()).toEqual(normalize(all.devices.map((d) => d.device)));
  });

  it("a desk that recorded before its first sync keeps its events on top of the snapshot", async () => {
    const a = await desk('early-a');
    const key = newKey();
    await a.act('received', key);
    await a.act('prepared', key);
    await a.engine.sync();
    const c = await desk('early-c');
    // C was used offline before it was ever connected: it registered the same device itself.
    expect((await c.act('received', key)).ok).toBe(true);
    await c.act('note', key, { text: 'fundet på hylden' });
    await c.engine.sync();
    const views = await listConflicts(c.db);
    expect(views.map((v) => v.conflict.reasonCode)).toEqual(['already_registered']);
    expect(await shownOf(c, key)).toEqual(await serverDevice(key));
    expect(await c.db.devices.get(key)).toMatchObject({ status: 'ready' });
  });
});

describe('reference data', () => {
  it('a desk fetches the central reference data at its first sync, replacing its own, then only what changed', async () => {
    await importReferenceCsv(server.db, 'models', 'id,name,kind,price,tier\nRM1,iPhone 15,phone,"6.499,00",standard\nRM2,ThinkPad X1,pc,14999,advanced\n');
    const a = await desk('ref-a');
    await a.db.models.put({ id: 'LOCAL', name: 'Trial desk model', kind: 'pc' });
    await a.engine.sync();
    expect((await a.db.models.toArray()).map((m) => m.id)).toEqual(['RM1', 'RM2']);
    expect(await a.db.models.get('RM1')).toEqual({ id: 'RM1', name: 'iPhone 15', kind: 'phone', price: 649900, tier: 'standard' });
    const first = await readSyncState(a.db);
    expect(first.referenceUpdatedAt).toBeDefined();

    const asked: string[] = [];
    const watched = await desk('ref-a2', {}, async (url, init) => {
      if (url.includes('/v1/reference')) asked.push(new URL(url).search);
      return server.fetch(url, init);
    });
    await watched.engine.sync();
    const revision = (await readSyncState(watched.db)).referenceRevision ?? 0;
    await importReferenceCsv(server.db, 'models', 'id,name,kind,price,tier\nRM1,iPhone 15,phone,"5.999,00",standard\nRM2,ThinkPad X1,pc,14999,advanced\n');
    await watched.engine.sync();
    expect(asked).toEqual(['?since=0', `?since=${revision}`]);
    expect((await watched.db.models.get('RM1'))?.price).toBe(599900);
    expect(await watched.db.models.count()).toBe(2);
  });
});
