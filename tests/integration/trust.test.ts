import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../shared/domain/event';
import { eventLimits } from '../../shared/domain/limits';
import { syncPaths } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { appendEvents } from '../../server/sync/push';
import { backends, type OpenedDatabase } from './support/backends';
import { apiClient } from './support/client';
import { batchFor, event, newDevice, uniqueId } from './support/events';

/**
 * Issue 12's findings against the server, each reproduced as the review found it and answered as
 * SYNC.md's "Trust" section says: one desk — broken, out of date or in the wrong hands — cannot
 * hurt the others. (HTTPS, the failed-token limit and timeouts: `transport.test.ts`.)
 */
describe.each(backends)('a hostile desk on $name', (backend) => {
  let opened: OpenedDatabase;
  let db: Database;
  let app: FastifyInstance;
  const logs: string[] = [];
  const deskA = () => apiClient(app, 'tokenA');
  const deskB = () => apiClient(app, 'tokenB');
  const pageBytes = 20_000;

  beforeAll(async () => {
    opened = await backend.open();
    db = opened.db;
    app = buildServer({
      db,
      devTokens: parseDeskTokens('deskA=tokenA,deskB=tokenB'),
      pageBudgets: { pullMaxBytes: pageBytes, devicesMaxBytes: pageBytes },
      logger: { level: 'info', stream: { write: (line) => void logs.push(line) } },
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  const logEnd = async () => {
    const [row] = await db.query('SELECT seq FROM sync_head');
    return Number(row?.seq);
  };

  describe('finding 1: event size and unknown fields', () => {
    it('answers an event over 16 KiB invalid (too_large) on its own and stores its neighbours', async () => {
      const [before, after] = batchFor('deskA', 2);
      const { key } = newDevice('deskA');
      const huge = { ...event('received', key, { deskId: 'deskA', data: { alternatives: ['A'.repeat(3_000_000)] } }), padding: 'x'.repeat(900_000) };
      const results = await deskA().push([before, huge, after]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'invalid', 'accepted']);
      expect(results[1]).toMatchObject({ id: huge.id, reasonCode: 'too_large' });
    });

    it('bounds every string and array: one past a limit is invalid, at the limit is stored', async () => {
      const { key, received } = newDevice('deskA');
      const atLimit = event('note', key, { deskId: 'deskA', operator: 'o'.repeat(eventLimits.idMax), data: { text: 'æ'.repeat(eventLimits.noteMax) } });
      const overNote = event('note', key, { deskId: 'deskA', data: { text: 'æ'.repeat(eventLimits.noteMax + 1) } });
      const overOperator = event('note', key, { deskId: 'deskA', operator: 'o'.repeat(eventLimits.idMax + 1) });
      const tooManyAlternatives = {
        ...event('received', newDevice('deskA').key, { deskId: 'deskA' }),
        data: { kind: 'phone', serial: 'SN12345', alternatives: Array.from({ length: eventLimits.alternativesMax + 1 }, (_, i) => `ALT${i}`) },
      };
      const results = await deskA().push([received, atLimit, overNote, overOperator, tooManyAlternatives]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid', 'invalid', 'invalid']);
      expect(results.slice(2).map((r) => r.status === 'invalid' && r.reasonCode)).toEqual(['invalid_event', 'invalid_event', 'invalid_event']);
    });

    it('drops fields the schema does not name before storing: they never reach another desk', async () => {
      const { key, received } = newDevice('deskA');
      const withExtras = { ...received, smuggled: 'x'.repeat(5000), data: { ...received.data, alsoSmuggled: { deep: true } } };
      const start = await logEnd();
      const [result] = await deskA().push([withExtras]);
      expect(result).toMatchObject({ status: 'accepted' });
      const [pulled] = (await deskB().pull(start)).events;
      expect(pulled?.event).toEqual(received);
      const [row] = await db.query('SELECT event FROM events WHERE device_key = $1', [key]);
      expect(JSON.stringify(row?.event)).not.toMatch(/smuggled/i);
      // A retry of the same push is its duplicate: the dropped fields do not make it "other content".
      expect((await deskA().push([withExtras]))[0]).toMatchObject({ status: 'duplicate' });
    });

    it('stops a pull page at its byte budget, whatever the limit asked, and pulls everything in order', async () => {
      const start = await logEnd();
      const { key, received } = newDevice('deskA');
      const notes = Array.from({ length: 30 }, () => event('note', key, { deskId: 'deskA', data: { text: '€'.repeat(2000) } }));
      await deskA().push([received, ...notes]);
      const page = await deskB().pull(start, 1000);
      expect(page.more).toBe(true);
      expect(page.events.length).toBeGreaterThan(1);
      expect(page.events.length).toBeLessThan(31);
      expect(Buffer.byteLength(JSON.stringify(page.events.map((e) => e.event)))).toBeLessThanOrEqual(pageBytes + 100);
      const all = await deskB().pullAll(start, 1000);
      expect(all.map((e) => e.event.id)).toEqual([received.id, ...notes.map((n) => n.id)]);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => start + 1 + i));
    });

    it('serves a huge event stored before the limits alone on its page, and the pull goes on after it', async () => {
      const start = await logEnd();
      const { key, received } = newDevice('deskA');
      // As the review left the log: a 3 MB event stored raw by an earlier version, no size recorded.
      const legacy = { ...received, data: { ...received.data, alternatives: ['A'.repeat(3_000_000)] } };
      await db.transaction(async (tx) => {
        await tx.query('UPDATE sync_head SET seq = seq + 1');
        await tx.query(
          `INSERT INTO events (seq, id, device_key, desk_id, type, status, event) VALUES ($1, $2, $3, 'deskA', 'received', 'accepted', $4::jsonb)`,
          [start + 1, legacy.id, key, JSON.stringify(legacy)],
        );
      });
      const later = batchFor('deskA', 3);
      await deskA().push(later);
      const first = await app.inject({ url: `${syncPaths.pull}?after=${start}&limit=1000`, headers: { authorization: 'Bearer tokenB' } });
      expect(first.statusCode).toBe(200);
      const page = first.json() as { events: Array<{ seq: number }>; more: boolean };
      expect(page.events.map((e) => e.seq)).toEqual([start + 1]);
      expect(page.more).toBe(true);
      const rest = await deskB().pullAll(start + 1);
      expect(rest.map((e) => e.event.id)).toEqual(later.map((e) => e.id));
    });

    it('stops a devices page at its byte budget too, and the pages cover every device once', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await deskB().devices(after, 5000);
        expect(Buffer.byteLength(JSON.stringify(page.devices))).toBeLessThanOrEqual(pageBytes + 2000);
        seen.push(...page.devices.map((d) => d.device.key));
        if (page.next === null) break;
        after = page.next;
      }
      const [count] = await db.query('SELECT count(*) AS n FROM devices');
      expect(seen.length).toBe(Number(count?.n));
      expect(new Set(seen).size).toBe(seen.length);
    });
  });

  describe('finding 3: one bad character', () => {
    it('answers NUL and lone surrogates invalid, event by event, and stores the valid ones beside them', async () => {
      const good = batchFor('deskA', 2);
      const { key, received } = newDevice('deskA');
      const bad = [
        event('note', key, { deskId: 'deskA', operator: 'A\u0000B' }),
        event('note', key, { deskId: 'deskA', location: 'LAGER\ud800' }),
        { ...event('received', newDevice('deskA').key, { deskId: 'deskA' }), data: { kind: 'phone', serial: 'SN55555', model: 'X\udc00' } },
      ];
      const unknownField = { ...event('note', key, { deskId: 'deskA' }), note: 'NUL \u0000 in a field no one stores' };
      const start = await logEnd();
      const results = await deskA().push([good[0], received, ...bad, unknownField, good[1]]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid', 'invalid', 'invalid', 'accepted', 'accepted']);
      for (const r of results.slice(2, 5)) expect(r.status === 'invalid' && r.reason).toMatch(/well-formed Unicode without NUL/);
      expect(await logEnd()).toBe(start + 4);
    });

    it('a content error from the database itself is answered for that event only, never as a 500', async () => {
      // Past the schema (as a future field or a bug could let one through): a NUL PostgreSQL refuses.
      const [first, second] = batchFor('deskA', 2) as [DeviceEvent, DeviceEvent];
      const { received } = newDevice('deskA');
      const poisoned: DeviceEvent = { ...received, operator: 'NUL\u0000' };
      const start = await logEnd();
      const answers = await appendEvents(db, [first, poisoned, second]);
      expect(answers.map((a) => a.kind)).toEqual(['stored', 'refused', 'stored']);
      expect(answers[1]?.kind === 'refused' && answers[1].result).toMatchObject({ reasonCode: 'invalid_event', reason: expect.stringMatching(/database refused/) });
      expect(await logEnd()).toBe(start + 2);
      const stored = await deskB().pullAll(start);
      expect(stored.map((e) => e.event.id)).toEqual([first.id, second.id]);
    });
  });

  describe('finding 5: a reused event id', () => {
    it('is id_conflict with other content, or from another desk — never a duplicate', async () => {
      const { key, received } = newDevice('deskA');
      const note = event('note', key, { deskId: 'deskA', data: { text: 'første' } });
      await deskA().push([received, note]);
      const rewritten = { ...note, data: { text: 'anden' } };
      expect((await deskA().push([rewritten]))[0]).toMatchObject({ id: note.id, status: 'invalid', reasonCode: 'id_conflict' });
      const foreign = { ...note, deskId: 'deskB' };
      expect((await deskB().push([foreign]))[0]).toMatchObject({ id: note.id, status: 'invalid', reasonCode: 'id_conflict' });
      expect((await deskA().push([note]))[0]).toMatchObject({ id: note.id, status: 'duplicate', stored: 'accepted' });
    });

    it('in one batch, too: the first is stored, a second with other content is id_conflict', async () => {
      const { key, received } = newDevice('deskA');
      const id = uniqueId();
      const one = event('note', key, { deskId: 'deskA', id, data: { text: 'én' } });
      const other = event('note', key, { deskId: 'deskA', id, data: { text: 'to' } });
      const results = await deskA().push([received, one, other, one]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'invalid', 'duplicate']);
      expect(results[2]).toMatchObject({ reasonCode: 'id_conflict' });
    });
  });

  describe('finding 2: corrections decided from the log — resolves', () => {
    const resolving = (deskId: string, key: string, resolves: string) => event('corrected', key, { deskId, data: { reason: 'afstemt', resolves } });

    it('settles only a conflict or refused event of the same desk and device', async () => {
      const { key, received } = newDevice('deskA');
      const disposed = event('disposed', key, { deskId: 'deskA' });
      const late = event('prepared', key, { deskId: 'deskA' });
      await deskA().push([received, disposed]);
      expect((await deskA().push([late]))[0]).toMatchObject({ status: 'conflict' });
      const other = newDevice('deskA');
      await deskA().push([other.received]);

      // Desk B cannot settle (and so hide) desk A's conflict; nor can A name it on another device,
      // an accepted event, or an id the server never saw.
      const byB = await deskB().push([resolving('deskB', key, late.id)]);
      const wrongDevice = resolving('deskA', other.key, late.id);
      const accepted = resolving('deskA', key, disposed.id);
      const unknown = resolving('deskA', key, uniqueId());
      const byA = await deskA().push([wrongDevice, accepted, unknown]);
      for (const result of [...byB, ...byA]) expect(result).toMatchObject({ status: 'conflict', reasonCode: 'resolves_unknown' });

      expect((await deskA().push([resolving('deskA', key, late.id)]))[0]).toMatchObject({ status: 'accepted' });
    });

    it('undoes only the same desk’s latest event, restoring the state the log had — whatever the desk claims', async () => {
      const { key, received } = newDevice('deskA');
      const prepared = event('prepared', key, { deskId: 'deskA' });
      await deskA().push([received, prepared]);
      const byB = event('corrected', key, { deskId: 'deskB', data: { reason: 'x', undoes: prepared.id, resolves: undefined } });
      expect((await deskB().push([byB]))[0]).toMatchObject({ status: 'conflict', reasonCode: 'undo_other_desk' });
      // A forged state beside the undo is not part of the schema: dropped, never applied.
      const forged = { ...event('corrected', key, { deskId: 'deskA', data: { reason: 'x', undoes: prepared.id, resolves: undefined } }), restore: { holder: 'MALLORY' } };
      expect((await deskA().push([forged]))[0]).toMatchObject({ status: 'accepted' });
      const device = (await deskB().devices(undefined, 5000)).devices.find((d) => d.device.key === key)?.device;
      expect(device).toMatchObject({ status: 'received', lastEventId: forged.id });
      expect(JSON.stringify(device)).not.toMatch(/MALLORY/);
    });

    it('settles an event of the desk that the server refused as invalid, and a conflict earlier in the same push', async () => {
      const { key, received } = newDevice('deskA');
      const broken = event('note', key, { deskId: 'deskA', operator: 'NUL\u0000' });
      const [, refused] = await deskA().push([received, broken]);
      expect(refused).toMatchObject({ status: 'invalid' });
      expect((await deskA().push([resolving('deskA', key, broken.id)]))[0]).toMatchObject({ status: 'accepted' });

      const again = event('received', key, { deskId: 'deskA', data: { imei: key.slice(5) } });
      const results = await deskA().push([again, resolving('deskA', key, again.id)]);
      expect(results.map((r) => r.status)).toEqual(['conflict', 'accepted']);
    });
  });

  describe('finding 6: a token in the query string', () => {
    it('is refused with 400 before anything else, and its value never reaches the log', async () => {
      for (const url of [`${syncPaths.pull}?access_token=s3cr3t-one`, `${syncPaths.devices}?token=s3cr3t-two`, `${syncPaths.health}?Authorization=s3cr3t-three`]) {
        const res = await app.inject({ url, headers: { authorization: 'Bearer tokenA' } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
      }
      expect(logs.join('\n')).not.toMatch(/s3cr3t/);
    });
  });
});
