import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import { KvikDb } from './db';
import { openDb } from './open';
import { recordEvent } from './record';
import { findDevice, deviceHistory } from './lookup';

const KEY = 'imei:354381079141772';
let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`record-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function counts() {
  return { devices: await db.devices.count(), events: await db.events.count(), outbox: await db.outbox.count() };
}

describe('recordEvent: one transaction per action', () => {
  it('writes the event, the device projection and the outbox entry together', async () => {
    const event = makeEvent('received', KEY);
    const result = await recordEvent(db, event);
    expect(result.ok).toBe(true);
    expect(await counts()).toEqual({ devices: 1, events: 1, outbox: 1 });
    expect(await db.devices.get(KEY)).toMatchObject({ status: 'received', identifiers: ['354381079141772'] });
    expect(await db.outbox.toArray()).toMatchObject([{ eventId: event.id, attempts: 0 }]);
    expect(await db.events.get(event.id)).toMatchObject({ sync: 'pending', prior: null });
  });

  it('a refused action writes nothing', async () => {
    const result = await recordEvent(db, makeEvent('handed_out', KEY));
    expect(result).toMatchObject({ ok: false, refusal: { code: 'unknown_device' } });
    expect(await counts()).toEqual({ devices: 0, events: 0, outbox: 0 });
  });

  it('an action that fails midway (the outbox write) leaves nothing behind', async () => {
    // A store whose outbox writes fail on demand: the device and the event are written first.
    let failOutbox = false;
    const faulty = new KvikDb(`record-test-faulty-${n}`);
    faulty.use({
      stack: 'dbcore',
      name: 'fail-outbox',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'outbox') return table;
          return { ...table, mutate: (req) => (failOutbox ? Promise.reject(new Error('disk full')) : table.mutate(req)) };
        },
      }),
    });
    await faulty.open();
    try {
      await recordEvent(faulty, makeEvent('received', KEY));
      const before = await faulty.devices.get(KEY);
      failOutbox = true;
      await expect(recordEvent(faulty, makeEvent('prepared', KEY))).rejects.toThrow('disk full');
      expect(await faulty.events.count()).toBe(1);
      expect(await faulty.outbox.count()).toBe(1);
      expect(await faulty.devices.get(KEY)).toEqual(before);
    } finally {
      faulty.close();
      await faulty.delete();
    }
  });

  it('an event id recorded twice is refused by the store and changes nothing', async () => {
    const received = makeEvent('received', KEY);
    await recordEvent(db, received);
    const prepared = makeEvent('prepared', KEY);
    await recordEvent(db, prepared);
    await expect(recordEvent(db, { ...makeEvent('note', KEY), id: prepared.id })).rejects.toThrow();
    expect(await counts()).toEqual({ devices: 1, events: 2, outbox: 2 });
    expect((await db.devices.get(KEY))?.lastEventId).toBe(prepared.id);
  });

  it('refuses an event that fails the schema before opening a transaction', async () => {
    await expect(recordEvent(db, { ...makeEvent('received', KEY), deviceKey: 'nonsense' })).rejects.toThrow();
    expect(await counts()).toEqual({ devices: 0, events: 0, outbox: 0 });
  });
});

describe('lookups by any identifier', () => {
  it('finds a device by IMEI 2, serial or an Apple alternative', async () => {
    await recordEvent(
      db,
      makeEvent('received', 'serial:SFB4ATRTHMYUE', {
        data: { kind: 'tablet', imei: undefined, serial: 'SFB4ATRTHMYUE', alternatives: ['FB4ATRTHMYUE'] },
      }),
    );
    await recordEvent(db, makeEvent('received', KEY, { data: { imei2: '352099006317065' } }));
    expect((await findDevice(db, ['352099006317065']))?.key).toBe(KEY);
    expect((await findDevice(db, ['FB4ATRTHMYUE']))?.key).toBe('serial:SFB4ATRTHMYUE');
    expect(await findDevice(db, ['000000000000000'])).toBeUndefined();
  });

  it('returns the history newest first', async () => {
    const a = makeEvent('received', KEY, { at: '2026-11-20T08:00:00.000Z' });
    const b = makeEvent('prepared', KEY, { at: '2026-11-21T08:00:00.000Z' });
    const c = makeEvent('handed_out', KEY, { at: '2026-11-22T08:00:00.000Z' });
    for (const e of [a, b, c]) await recordEvent(db, e);
    expect((await deviceHistory(db, KEY)).map((e) => e.type)).toEqual(['handed_out', 'prepared', 'received']);
  });
});
