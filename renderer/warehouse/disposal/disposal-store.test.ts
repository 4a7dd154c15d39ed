import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Erasure } from '../../../shared/domain/event';
import { makeEvent } from '../../../shared/testing/builders';
import type { KvikDb } from '../../store/db';
import { deviceHistory } from '../../store/lookup';
import { openDb } from '../../store/open';
import { recordEvent } from '../../store/record';
import { closeBatch, createBatch, joinBatch } from './disposal-store';

const ctx = { deskId: 'desk-1', operator: 'MK', location: 'LAGER' };
const evidence: Erasure = { method: 'purge', tool: 'Blancco Mobile', toolVersion: '7.4', verified: true, verifiedBy: 'MK', date: '2026-11-20' };
const imeis = ['353910010000118', '353910010000126'];
let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`disposal-test-${++n}`);
  for (const imei of imeis) await recordEvent(db, makeEvent('received', `imei:${imei}`, { data: { imei } }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a disposal batch in the desk store', () => {
  it('takes devices in with their evidence and, closed, disposes of every one with the certificate and the batch', async () => {
    const batch = await createBatch(db, ctx, 'Stena Recycling', 'small_it');
    for (const imei of imeis) expect(await joinBatch(db, ctx, batch.id, [imei], evidence)).toMatchObject({ ok: true });
    const closed = await closeBatch(db, ctx, batch.id, { certificate: 'STENA-2026-118', weightKg: 0.4 });
    expect(closed).toMatchObject({ ok: true, batch: { status: 'closed', certificate: 'STENA-2026-118', weightKg: 0.4, closedBy: 'MK' } });
    for (const imei of imeis) {
      expect(await db.devices.get(`imei:${imei}`)).toMatchObject({ status: 'disposed', disposal: { certificate: 'STENA-2026-118', batchId: batch.id } });
      expect((await deviceHistory(db, `imei:${imei}`))[0]).toMatchObject({ type: 'disposed', data: { batchId: batch.id, erasure: evidence } });
    }
  });

  it('closes all or nothing: one device handed out since it joined keeps the batch open and disposes of none', async () => {
    const batch = await createBatch(db, ctx, 'Stena Recycling', 'small_it');
    for (const imei of imeis) await joinBatch(db, ctx, batch.id, [imei], evidence);
    const [first, second] = imeis.map((imei) => `imei:${imei}`) as [string, string];
    await recordEvent(db, makeEvent('prepared', second));
    await recordEvent(db, makeEvent('handed_out', second));
    const closed = await closeBatch(db, ctx, batch.id, { certificate: 'STENA-2026-118' });
    expect(closed).toEqual({ ok: false, blocked: [{ deviceKey: second, refusal: expect.objectContaining({ status: 'assigned' }) }] });
    expect(await db.devices.get(first)).toMatchObject({ status: 'received' });
    expect(await db.disposalBatches.get(batch.id)).toMatchObject({ status: 'open' });
    expect((await db.events.toArray()).filter((e) => e.type === 'disposed')).toEqual([]);
  });

  it('refuses an unknown device and one without verified erasure, and keeps nothing of them', async () => {
    const batch = await createBatch(db, ctx, 'Stena Recycling', 'small_it');
    expect(await joinBatch(db, ctx, batch.id, ['353910010000993'], evidence)).toEqual({ ok: false, unknown: true });
    expect(await joinBatch(db, ctx, batch.id, [imeis[0] as string], { ...evidence, verified: false })).toMatchObject({ ok: false, refusal: { code: 'not_wiped' } });
    expect((await db.disposalBatches.get(batch.id))?.items).toEqual([]);
  });
});
