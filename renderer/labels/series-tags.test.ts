import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import type { KvikDb } from '../store/db';
import { findDevice } from '../store/lookup';
import { openDb } from '../store/open';
import { recordEvent } from '../store/record';
import { loadSettings, saveSettings } from '../store/settings';
import { tagFromSeries } from './series-tags';

const ctx = { deskId: 'kvik-1', operator: 'MK', location: 'KVIK-1' };
const imeis = ['354381079141772', '352099001761481', '490154203237518'];
let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`series-tags-${++n}`);
  for (const imei of imeis) await recordEvent(db, makeEvent('received', `imei:${imei}`, { data: { imei } }));
  // The second one came with a tag; another device already wears KK000011.
  await recordEvent(db, makeEvent('tagged', `imei:${imeis[1]}`, { data: { assetTag: 'KK000001', source: 'preprinted' } }));
  await recordEvent(db, makeEvent('received', 'serial:C02XL0GHJGH5', { data: { imei: undefined, serial: 'C02XL0GHJGH5', assetTag: 'KK000011' } }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('asset tags from the desk’s series, when labels are printed', () => {
  it('tags each untagged device with the next free tag, and moves the series on in the same write', async () => {
    await saveSettings(db, { ...(await loadSettings(db)), assetTagSeries: { prefix: 'KK', digits: 6, next: 10 } });
    const moved = await tagFromSeries(db, ctx, imeis.map((imei) => `imei:${imei}`));
    expect(moved.assetTagSeries).toEqual({ prefix: 'KK', digits: 6, next: 13 });
    expect((await loadSettings(db)).assetTagSeries?.next).toBe(13);
    expect((await db.devices.bulkGet(imeis.map((imei) => `imei:${imei}`))).map((d) => d?.assetTag)).toEqual(['KK000010', 'KK000001', 'KK000012']);
    // The tag finds the device, and the history says where it came from.
    expect((await findDevice(db, ['KK000012']))?.key).toBe(`imei:${imeis[2]}`);
    expect(await db.events.filter((e) => e.type === 'tagged').count()).toBe(3);
  });

  it('changes nothing without a series', async () => {
    const before = await db.events.count();
    expect((await tagFromSeries(db, ctx, [`imei:${imeis[0]}`])).assetTagSeries).toBeUndefined();
    expect(await db.events.count()).toBe(before);
  });
});
