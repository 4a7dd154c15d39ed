import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../../shared/testing/builders';
import { seenKeys, type ExpectedDevice, type Stocktake } from '../../../shared/warehouse/stocktake';
import type { KvikDb } from '../../store/db';
import { deviceHistory } from '../../store/lookup';
import { openDb } from '../../store/open';
import { recordEvent } from '../../store/record';
import { closeCount, countScans, recordCountScan, startCount } from './stocktake-store';

const ctx = { deskId: 'desk-1', operator: 'MK', location: 'LAGER' };
const imei = (n: number) => `35391001000${String(n).padStart(3, '0')}0`;
const key = (n: number) => `imei:${imei(n)}`;
let db: KvikDb;
let n = 0;

async function receive(i: number, location: string, kind: 'phone' | 'tablet' = 'phone') {
  await recordEvent(db, makeEvent('received', key(i), { data: { imei: imei(i), kind }, location }));
}

beforeEach(async () => {
  db = await openDb(`stocktake-test-${++n}`);
  // 1–3 phones at LAGER, 4 a tablet at LAGER, 5 at KVIK-RH, 6 sent from KVIK-RH to LAGER, 7 handed out.
  for (const i of [1, 2, 3]) await receive(i, 'LAGER');
  await receive(4, 'LAGER', 'tablet');
  await receive(5, 'KVIK-RH');
  await receive(6, 'KVIK-RH');
  await recordEvent(db, makeEvent('transfer_sent', key(6), { data: { transferId: 'T-9', from: 'KVIK-RH', to: 'LAGER' }, location: 'KVIK-RH' }));
  await receive(7, 'LAGER');
  await recordEvent(db, makeEvent('prepared', key(7)));
  await recordEvent(db, makeEvent('handed_out', key(7)));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function start(kind?: 'phone'): Promise<Stocktake> {
  const started = await startCount(db, ctx, 'LAGER', kind);
  if (!started.ok) throw new Error('refused');
  return started.count;
}

async function scan(count: Stocktake, i: number | string) {
  const expected = new Map<string, ExpectedDevice>(count.expected.map((d) => [d.key, d]));
  const seen = seenKeys(await countScans(db, count.id));
  const label = typeof i === 'number' ? imei(i) : i;
  return recordCountScan(db, ctx, count, [label], label, expected, seen);
}

describe('a stocktake in the desk store', () => {
  it('freezes the devices in stock at the location and in transit to it, of the kind asked for', async () => {
    const all = await start();
    expect(all.expected.map((d) => d.key).sort()).toEqual([key(1), key(2), key(3), key(4), key(6)]);
    expect(all.expected.find((d) => d.key === key(6))).toMatchObject({ status: 'in_transit', transferId: 'T-9' });
    await closeCount(db, ctx, all, { moveUnexpected: false, reportMissingLost: false });
    expect((await start('phone')).expected.map((d) => d.key).sort()).toEqual([key(1), key(2), key(3), key(6)]);
  });

  it('refuses a second open count of a location, naming the first', async () => {
    const first = await start();
    expect(await startCount(db, ctx, 'LAGER', undefined)).toEqual({ ok: false, refusal: { code: 'count_open', countId: first.id, startedBy: 'MK', startedAt: first.startedAt } });
    expect(await startCount(db, ctx, 'KVIK-RH', undefined)).toMatchObject({ ok: true });
  });

  it('keeps every scan, and records `counted` on a device found on its shelf', async () => {
    const count = await start();
    expect((await scan(count, 1)).decision.result).toBe('found');
    expect((await scan(count, 1)).decision.result).toBe('already_counted');
    expect((await scan(count, 5)).decision).toMatchObject({ result: 'unexpected', was: { status: 'received', location: 'KVIK-RH' } });
    expect((await scan(count, 'ABC-123')).decision.result).toBe('unknown');
    // In transit here: found, but left to its transfer.
    expect((await scan(count, 6)).decision.result).toBe('found');
    expect((await countScans(db, count.id)).map((s) => s.result)).toEqual(['found', 'already_counted', 'unexpected', 'unknown', 'found']);
    expect((await deviceHistory(db, key(1)))[0]).toMatchObject({ type: 'counted', data: { countId: count.id } });
    expect(await db.devices.get(key(1))).toMatchObject({ lastCountedAt: expect.any(String) });
    expect((await deviceHistory(db, key(6)))[0]?.type).toBe('transfer_sent');
  });

  it('closes with the confirmed actions: unexpected moved here, missing reported lost', async () => {
    const count = await start();
    for (const i of [1, 2, 5]) await scan(count, i);
    const closed = await closeCount(db, ctx, count, { moveUnexpected: true, reportMissingLost: true });
    // Missing: 3, 4 and 6 (in transit here, never scanned).
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'MK', actions: { moved: 1, reportedLost: 3 } });
    expect(await db.devices.get(key(5))).toMatchObject({ location: 'LAGER', status: 'received' });
    for (const i of [3, 4, 6]) expect((await db.devices.get(key(i)))?.status).toBe('lost');
    expect((await db.devices.get(key(1)))?.status).toBe('received');
  });

  it('leaves everything as it is when nothing is ticked', async () => {
    const count = await start();
    await scan(count, 5);
    expect(await closeCount(db, ctx, count, { moveUnexpected: false, reportMissingLost: false })).toMatchObject({ actions: { moved: 0, reportedLost: 0 } });
    expect(await db.devices.get(key(5))).toMatchObject({ location: 'KVIK-RH' });
    expect((await db.devices.get(key(3)))?.status).toBe('received');
  });
});
