import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { deviceIn, makeEvent } from '../../shared/testing/builders';
import { findDevice } from '../store/lookup';
import { openDb } from '../store/open';
import { localEvents } from './projection';

const KEY = 'imei:354381079141772';

const version1 = {
  devices: 'key, *identifiers, status, [location+status], model, holder.employeeId, holder.department, updatedAt',
  events: 'id, [deviceKey+at], at, [deskId+at], sync',
  outbox: '++n, &eventId',
  departments: 'id, name',
  employees: 'id, name, department',
  locations: 'id, name',
  models: 'id, name, gtin',
  settings: 'key',
};

describe('store version 2', () => {
  it('opens a version 1 store in place: every device, event and outbox entry kept, the new indexes filled', async () => {
    const name = `upgrade-${process.pid}`;
    // The desk as version 1 left it: one device, its event, waiting in the outbox.
    const v1 = new Dexie(name);
    v1.version(1).stores(version1);
    const received = makeEvent('received', KEY);
    await v1.table('devices').put({ key: KEY, status: 'received', identifiers: ['354381079141772'] });
    await v1.table('events').put({ ...received, prior: null, sync: 'pending' });
    await v1.table('outbox').add({ eventId: received.id, event: received, attempts: 0 });
    v1.close();

    const db = await openDb(name);
    try {
      expect(db.verno).toBeGreaterThanOrEqual(2);
      expect(await db.devices.count()).toBe(1);
      expect(await db.events.get(received.id)).toMatchObject({ sync: 'pending' });
      const local = await localEvents(db, [KEY], 0);
      expect(local.get(KEY)?.pending.map((p) => p.event.id)).toEqual([received.id]);
      expect(await db.confirmed.count()).toBe(0);
      expect(await db.conflicts.count()).toBe(0);
    } finally {
      db.close();
      await db.delete();
    }
  });
});

describe('store version 13', () => {
  it('indexes the SIM of a phone paired before it, so the SIM finds its phone', async () => {
    const name = `upgrade-sim-${process.pid}`;
    const iccid = '8945102000001234561';
    const phone = { ...deviceIn('assigned').device, sim: iccid };
    const v1 = new Dexie(name);
    v1.version(1).stores(version1);
    // Stored as before: the identifiers without the SIM.
    await v1.table('devices').put({ ...phone, identifiers: [phone.imei] });
    v1.close();

    const db = await openDb(name);
    try {
      expect((await findDevice(db, [iccid]))?.key).toBe(phone.key);
      expect((await db.devices.get(phone.key))?.identifiers).toEqual([phone.imei, iccid]);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
