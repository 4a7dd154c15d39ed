import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import type { KvikDb } from './db';
import { openDb } from './open';
import { recordEvent } from './record';
import { importReferenceRows, referenceUse, removeReferenceRow, saveReferenceRow } from './reference';

let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`reference-test-${++n}`);
  await db.models.bulkPut([
    { id: 'IP15', name: 'iPhone 15', kind: 'phone' },
    { id: 'IP13', name: 'iPhone 13', kind: 'phone' },
    { id: 'NEW', name: 'Ny model', kind: 'phone' },
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function receive(imei: string, model: string, location = 'LAGER') {
  const result = await recordEvent(db, makeEvent('received', `imei:${imei}`, { location, data: { kind: 'phone', imei, model } }));
  expect(result.ok).toBe(true);
}

describe('a reference row that devices or events name is deactivated, not deleted', () => {
  it('counts the devices naming a model, a location, a department; the events only where no device does', async () => {
    await receive('354381079141772', 'IP15');
    await receive('490154203237518', 'IP15');
    expect((await recordEvent(db, makeEvent('prepared', 'imei:490154203237518'))).ok).toBe(true);
    expect((await recordEvent(db, makeEvent('handed_out', 'imei:490154203237518', { data: { employeeId: 'E1', department: 'BUF' } }))).ok).toBe(true);
    expect(await referenceUse(db, 'models', 'IP15')).toEqual({ devices: 2 });
    expect(await referenceUse(db, 'models', 'NEW')).toEqual({ devices: 0, events: 0 });
    expect(await referenceUse(db, 'locations', 'LAGER')).toEqual({ devices: 2 });
    expect(await referenceUse(db, 'departments', 'BUF')).toEqual({ devices: 1 });
    // Every event names where the desk stood: a desk no device stands at any more is still in the log.
    expect(await referenceUse(db, 'locations', 'KVIK-RH')).toEqual({ devices: 0, events: 0 });
    await recordEvent(db, makeEvent('note', 'imei:354381079141772', { location: 'KVIK-RH', data: { text: 'set ved skranken' } }));
    expect(await referenceUse(db, 'locations', 'KVIK-RH')).toEqual({ devices: 0, events: 1 });
  });

  it('refuses to delete a model in use, with the count; deletes an unused one', async () => {
    await receive('354381079141772', 'IP15');
    expect(await removeReferenceRow(db, 'models', 'IP15')).toEqual({ kind: 'deactivate', use: { devices: 1 } });
    expect(await db.models.get('IP15')).toBeDefined();
    expect(await removeReferenceRow(db, 'models', 'NEW')).toEqual({ kind: 'delete' });
    expect(await db.models.get('NEW')).toBeUndefined();
  });

  it('a model only history names (its device corrected to another) is still in use', async () => {
    await receive('354381079141772', 'IP13');
    expect((await recordEvent(db, makeEvent('corrected', 'imei:354381079141772', { data: { reason: 'Forkert model', set: { model: 'IP15' } } }))).ok).toBe(true);
    expect(await referenceUse(db, 'models', 'IP13')).toEqual({ devices: 0, events: 1 });
    expect((await removeReferenceRow(db, 'models', 'IP13')).kind).toBe('deactivate');
  });

  it('deactivates and reactivates; an edit or an import without the flag keeps it', async () => {
    expect(await saveReferenceRow(db, 'models', { id: 'IP15', name: 'iPhone 15', kind: 'phone', active: false }, 'IP15')).toBeNull();
    expect(await db.models.get('IP15')).toMatchObject({ active: false });
    expect(await saveReferenceRow(db, 'models', { id: 'IP15', name: 'iPhone 15 (omdøbt)', kind: 'phone' }, 'IP15')).toBeNull();
    expect(await db.models.get('IP15')).toMatchObject({ name: 'iPhone 15 (omdøbt)', active: false });
    await importReferenceRows(db, 'models', [{ id: 'IP15', name: 'iPhone 15', kind: 'phone' }]);
    expect(await db.models.get('IP15')).toMatchObject({ active: false });
    expect(await saveReferenceRow(db, 'models', { id: 'IP15', name: 'iPhone 15', kind: 'phone', active: true }, 'IP15')).toBeNull();
    expect(await db.models.get('IP15')).toMatchObject({ active: true });
  });
});
