import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../shared/domain/event';
import { replay } from '../../shared/lifecycle/apply';
import { healthResponseSchema, syncLimits, syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { addDesk, revokeDesk } from '../../server/auth/desk-tokens';
import { parseDeskTokens } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { backends, type OpenedDatabase } from './support/backends';
import { apiClient, errorOf } from './support/client';
import { batchFor, event, newDevice } from './support/events';

describe.each(backends)('central inventory API on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const logs: string[] = [];
  const deskA = () => apiClient(app, 'tokenA');
  const deskB = () => apiClient(app, 'tokenB');
  const head = async () => healthResponseSchema.parse((await app.inject({ url: syncPaths.health })).json()).head;

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    app = buildServer({
      db,
      devTokens: parseDeskTokens('deskA=tokenA,deskB=tokenB'),
      logger: { level: 'info', stream: { write: (line) => void logs.push(line) } },
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  describe('health', () => {
    it('answers without a token, with the API version and the head of the log', async () => {
      const res = await app.inject({ url: '/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(healthResponseSchema.parse(res.json())).toMatchObject({ status: 'ok', apiVersion: 1 });
    });

    it('answers unknown routes with a JSON 404', async () => {
      const res = await app.inject({ url: '/v1/nothing', headers: { authorization: 'Bearer tokenA' } });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res.body).code).toBe('not_found');
    });
  });

  describe('auth', () => {
    const guarded = [
      { method: 'POST' as const, url: syncPaths.push, payload: { events: [{}] } },
      { method: 'GET' as const, url: syncPaths.pull },
      { method: 'GET' as const, url: syncPaths.devices },
      { method: 'GET' as const, url: syncPaths.reference },
    ];

    it.each(guarded)('$method $url: 401 without a token, with an unknown one, or not as Bearer', async (request) => {
      for (const authorization of [undefined, 'Bearer nope', 'Basic dG9rZW5BOg==', 'tokenA', 'Bearer '])
        {
        const res = await app.inject({ ...request, headers: authorization ? { authorization } : {} });
        expect(res.statusCode, `authorization: ${authorization}`).toBe(401);
        expect(errorOf(res.body).code).toBe('unauthorized');
      }
    });

    it('takes a token issued by `desk add` until it is revoked', async () => {
      const token = await addDesk(db, 'deskC');
      const before = await app.inject({ url: syncPaths.pull, headers: { authorization: `Bearer ${token}` } });
      expect(before.statusCode).toBe(200);
      await expect(addDesk(db, 'deskC')).rejects.toThrow(/already has a token/);
      expect(await revokeDesk(db, 'deskC')).toBe(true);
      const after = await app.inject({ url: syncPaths.pull, headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
    });

    it('answers another desk’s event as invalid and stores the rest of the batch', async () => {
      const own = newDevice('deskA');
      const foreign = newDevice('deskB');
      const start = await head();
      const results = await deskA().push([own.received, foreign.received]);
      expect(results[0]).toEqual({ id: own.received.id, status: 'accepted', seq: start + 1 });
      expect(results[1]).toMatchObject({ id: foreign.received.id, status: 'invalid', reasonCode: 'wrong_desk' });
      const stored = await deskA().pullAll(start);
      expect(stored.map((e) => e.event.id)).toEqual([own.received.id]);
    });
  });

  describe('validation and limits', () => {
    it('answers a schema-invalid event as invalid, naming the field, and goes on with the rest', async () => {
      const good = batchFor('deskA', 2);
      const bad = { ...event('disposed', newDevice('deskA').key, { deskId: 'deskA' }), data: { method: 'burned' } };
      const start = await head();
      const results = await deskA().push([good[0], bad, 'not even an object', good[1]]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'invalid', 'invalid', 'accepted']);
      expect(results[1]).toMatchObject({ id: bad.id, reasonCode: 'invalid_event' });
      expect(results[1]?.status === 'invalid' && results[1].reason).toMatch(/data\.(method|certificate)/);
      expect(results[2]).toMatchObject({ id: null, status: 'invalid' });
      // Invalid events take no seq: the stored ones stay gap-free.
      expect(results.flatMap((r) => ('seq' in r ? [r.seq] : []))).toEqual([start + 1, start + 2]);
      expect(await head()).toBe(start + 2);
    });

    it('400 for a body that is not { events: [1..500] }', async () => {
      const post = (payload: string) =>
        app.inject({
          method: 'POST',
          url: syncPaths.push,
          headers: { authorization: 'Bearer tokenA', 'content-type': 'application/json' },
          payload,
        });
      const bodies = ['{}', '{"events":[]}', '[{"id":"x"}]', '{"events":{}}', '{"events":', 'null', '"events"'];
      for (const body of bodies) {
        const res = await post(body);
        expect(res.statusCode, body).toBe(400);
        expect(errorOf(res.body).code).toBe('bad_request');
      }
    });

    it('400 for 501 events, and 500 are stored', async () => {
      const start = await head();
      const tooMany = batchFor('deskA', syncLimits.pushMaxEvents + 1);
      const res = await app.inject({
        method: 'POST',
        url: syncPaths.push,
        headers: { authorization: 'Bearer tokenA' },
        payload: { events: tooMany },
      });
      expect(res.statusCode).toBe(400);
      expect(await head()).toBe(start);
      const results = await deskA().push(tooMany.slice(0, syncLimits.pushMaxEvents));
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      expect(await head()).toBe(start + syncLimits.pushMaxEvents);
    });

    it('413 for a body over the limit, and nothing is stored', async () => {
      const start = await head();
      const huge = batchFor('deskA', 2).map((e) => ({ ...e, padding: 'x'.repeat(syncLimits.bodyMaxBytes / 2) }));
      const res = await app.inject({
        method: 'POST',
        url: syncPaths.push,
        headers: { authorization: 'Bearer tokenA' },
        payload: { events: huge },
      });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res.body).code).toBe('payload_too_large');
      expect(await head()).toBe(start);
    });

    it('400 for pull and devices queries out of bounds', async () => {
      const headers = { authorization: 'Bearer tokenA' };
      for (const url of ['/v1/pull?limit=0', '/v1/pull?limit=1001', '/v1/pull?after=-1', '/v1/pull?after=x', '/v1/devices?limit=5001', '/v1/devices?after=nokey'])
        expect((await app.inject({ url, headers })).statusCode, url).toBe(400);
    });
  });

  describe('idempotency', () => {
    it('the same batch pushed twice answers duplicate with the same seqs and changes nothing', async () => {
      const batch = batchFor('deskA', 20);
      const first = await deskA().push(batch);
      expect(first.every((r) => r.status === 'accepted')).toBe(true);
      const afterFirst = await head();
      const devicesBefore = await deskA().devices(undefined, 5000);
      const second = await deskA().push(batch);
      expect(second).toEqual(first.map((r) => ({ id: r.id, status: 'duplicate', seq: 'seq' in r ? r.seq : -1, stored: 'accepted' })));
      expect(await head()).toBe(afterFirst);
      expect((await deskA().devices(undefined, 5000)).devices).toEqual(devicesBefore.devices);
    });

    it('a batch cut off half-way and retried whole stores each event once, seqs continuing', async () => {
      const batch = batchFor('deskA', 30);
      const start = await head();
      const half = await deskA().push(batch.slice(0, 15));
      const whole = await deskA().push(batch);
      expect(whole.slice(0, 15)).toEqual(half.map((r) => ({ ...r, status: 'duplicate', stored: 'accepted' })));
      expect(whole.slice(15).map((r) => r.status)).toEqual(Array(15).fill('accepted'));
      expect(whole.map((r) => ('seq' in r ? r.seq : -1))).toEqual(Array.from({ length: 30 }, (_, i) => start + 1 + i));
      const pulled = await deskA().pullAll(start);
      expect(pulled.map((e) => e.event.id)).toEqual(batch.map((e) => e.id));
    });

    it('the same id twice in one batch is stored once; the second answer is its duplicate', async () => {
      const [received] = batchFor('deskA', 1);
      const start = await head();
      const results = await deskA().push([received, received]);
      expect(results).toEqual([
        { id: received?.id, status: 'accepted', seq: start + 1 },
        { id: received?.id, status: 'duplicate', seq: start + 1, stored: 'accepted' },
      ]);
    });

    it('a duplicate is found whatever the case of its uuid', async () => {
      const [received] = batchFor('deskA', 1);
      if (!received) throw new Error('no event');
      const [first] = await deskA().push([received]);
      const [again] = await deskA().push([{ ...received, id: received.id.toUpperCase() }]);
      expect(again).toMatchObject({ status: 'duplicate', seq: first && 'seq' in first ? first.seq : -1 });
    });
  });

  describe('conflicts', () => {
    it('stores and flags an event the projection refuses, visible in pull, and leaves the device alone', async () => {
      const { key, received } = newDevice('deskA');
      const disposed = event('disposed', key, { deskId: 'deskA' });
      await deskA().push([received, disposed]);
      // Desk B, offline, prepared and handed out the same device before it heard of the disposal.
      const prepared = event('prepared', key, { deskId: 'deskB' });
      const results = await deskB().push([prepared]);
      expect(results[0]).toMatchObject({ status: 'conflict', reasonCode: 'device_disposed' });
      expect(results[0]?.status === 'conflict' && results[0].reason).toBe('prepared refused: the device has been disposed of');
      const seq = results[0] && 'seq' in results[0] ? results[0].seq : -1;

      const pulled = (await deskA().pull(seq - 1, 1)).events[0];
      expect(pulled).toMatchObject({ seq, status: 'conflict', reasonCode: 'device_disposed', event: { id: prepared.id } });
      expect(pulled?.reason).toMatch(/disposed/);

      const snapshot = (await deskA().devices(undefined, 5000)).devices.find((d) => d.device.key === key);
      expect(snapshot?.device.status).toBe('disposed');
      expect(snapshot?.device.lastEventId).toBe(disposed.id);

      const again = await deskB().push([prepared]);
      expect(again[0]).toEqual({ id: prepared.id, status: 'duplicate', seq, stored: 'conflict', reason: pulled?.reason, reasonCode: 'device_disposed' });
    });

    it('decides in server order within a batch: the second registration of a device conflicts', async () => {
      const { key, received } = newDevice('deskA');
      const other = { ...received, id: event('note', key).id };
      const results = await deskA().push([received, other]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'conflict']);
      expect(results[1]).toMatchObject({ reasonCode: 'already_registered' });
    });

    it('keeps the projection equal to the accepted events replayed in seq order', async () => {
      const { key, received } = newDevice('deskA');
      const events: DeviceEvent[] = [
        received,
        event('prepared', key, { deskId: 'deskA' }),
        event('handed_out', key, { deskId: 'deskA', data: { employeeId: 'E42', department: 'SOF' } }),
        event('prepared', key, { deskId: 'deskA' }), // conflict: the device is handed out
        event('returned', key, { deskId: 'deskA', data: { condition: 'damaged' } }),
        event('sent_to_repair', key, { deskId: 'deskA' }),
        event('note', key, { deskId: 'deskA' }),
      ];
      const results = await deskA().push(events);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'conflict', 'accepted', 'accepted', 'accepted']);
      const accepted = events.filter((_, i) => results[i]?.status === 'accepted');
      const expected = replay(accepted);
      const snapshot = (await deskA().devices(undefined, 5000)).devices.find((d) => d.device.key === key);
      expect(expected.ok && snapshot?.device).toEqual(expected.ok ? expected.device : null);
      const last = results.at(-1);
      expect(snapshot?.seq).toBe(last && 'seq' in last ? last.seq : -1);
    });

    it('an undone registration leaves the projection; later events for it conflict', async () => {
      const { key, received } = newDevice('deskA');
      const undo = event('corrected', key, { deskId: 'deskA', data: { reason: 'Fejlscanning', undoes: received.id, resolves: undefined } });
      const results = await deskA().push([received, undo, event('note', key, { deskId: 'deskA' })]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'conflict']);
      expect(results[2]).toMatchObject({ reasonCode: 'unknown_device' });
      const keys = (await deskA().devices(undefined, 5000)).devices.map((d) => d.device.key);
      expect(keys).not.toContain(key);
    });
  });

  describe('pull and devices', () => {
    it('pages through the log in seq order with last and more', async () => {
      const start = await head();
      await deskA().push(batchFor('deskA', 7));
      const first = await deskA().pull(start, 3);
      expect(first.events.map((e) => e.seq)).toEqual([start + 1, start + 2, start + 3]);
      expect(first).toMatchObject({ last: start + 3, more: true });
      const rest = await deskA().pullAll(first.last, 3);
      expect(rest.map((e) => e.seq)).toEqual([4, 5, 6, 7].map((n) => start + n));
      const end = await deskA().pull(start + 7);
      expect(end).toEqual({ events: [], last: start + 7, more: false });
      expect(await deskA().pull(start + 1000)).toEqual({ events: [], last: start + 1000, more: false });
    });

    it('pages through the projection in key order, each page consistent with its asOf', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      const now = await head();
      for (;;) {
        const page = await deskA().devices(after, 7);
        expect(page.devices.length).toBeLessThanOrEqual(7);
        expect(page.asOf).toBeGreaterThanOrEqual(now);
        for (const d of page.devices) expect(d.seq).toBeLessThanOrEqual(page.asOf);
        seen.push(...page.devices.map((d) => d.device.key));
        if (page.next === null) break;
        expect(page.next).toBe(page.devices.at(-1)?.device.key);
        after = page.next;
      }
      expect(seen.length).toBeGreaterThan(20);
      expect(seen).toEqual([...seen].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
      expect(new Set(seen).size).toBe(seen.length);
    });
  });

  describe('observability', () => {
    it('echoes a sane request id and replaces an odd one', async () => {
      const mine = await app.inject({ url: syncPaths.health, headers: { 'x-request-id': 'desk-7.push-42' } });
      expect(mine.headers['x-request-id']).toBe('desk-7.push-42');
      const odd = await app.inject({ url: syncPaths.health, headers: { 'x-request-id': 'a b\nc' } });
      expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('logs pushes with request id, desk id and counts — and never a token', async () => {
      const marker = 'desk-log-check-1';
      await app.inject({
        method: 'POST',
        url: syncPaths.push,
        headers: { authorization: 'Bearer tokenA', 'x-request-id': marker },
        payload: { events: [...batchFor('deskA', 2), { junk: true }] },
      });
      const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const push = lines.find((l) => l.reqId === marker && l.msg === 'push stored');
      expect(push).toMatchObject({ deskId: 'deskA', events: 3, accepted: 2, invalid: 1, duplicate: 0, conflict: 0 });
      expect(logs.join('\n')).not.toMatch(/tokenA|tokenB|Bearer/);
    });
  });
});
