import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import { expectReportRowsFresh } from '../../tests/support/report-rows';
import type { KvikDb } from './db';
import { openDb } from './open';
import { recordEvent } from './record';
import { readRowsAhead } from './report-rows-ahead';

const KEY = 'imei:354381079141772';
let db: KvikDb;
let n = 0;
beforeEach(async () => {
  db = await openDb(`rows-ahead-${process.pid}-${++n}`);
  await recordEvent(db, makeEvent('received', KEY, { at: '2026-06-01T08:00:00.000Z' }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('report rows read ahead', () => {
  it('are passed over once events were written in the transaction since they were read', async () => {
    await db.transaction('rw', [db.devices, db.events, db.outbox], async () => {
      await readRowsAhead(db, KEY);
      // Written past the scan path meanwhile (as a pull would): not in what was read ahead.
      await db.events.add({ ...makeEvent('moved', KEY, { at: '2026-06-01T09:00:00.000Z', data: { to: 'KVIK-RH' } }), sync: 'pending' });
      const result = await recordEvent(db, makeEvent('prepared', KEY, { at: '2026-06-01T10:00:00.000Z' }));
      expect(result.ok).toBe(true);
    });
    await expectReportRowsFresh(db);
  });

  it('are used once: a second event of the device in the transaction reads its inputs', async () => {
    await db.transaction('rw', [db.devices, db.events, db.outbox], async () => {
      await readRowsAhead(db, KEY);
      expect((await recordEvent(db, makeEvent('prepared', KEY, { at: '2026-06-01T10:00:00.000Z' }))).ok).toBe(true);
      expect((await recordEvent(db, makeEvent('moved', KEY, { at: '2026-06-01T11:00:00.000Z', data: { to: 'KVIK-RH' } }))).ok).toBe(true);
    });
    await expectReportRowsFresh(db);
  });
});
