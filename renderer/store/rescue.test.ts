import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import { openDb } from './open';
import { deleteStore, exportWhatCanBeRead, unsyncedIn } from './rescue';

describe('a store that cannot open', () => {
  it('reads every row of every table without knowing the schema (one from a newer version here), then starts again', async () => {
    const name = `rescue-${process.pid}`;
    const newer = new Dexie(name);
    newer.version(99).stores({ outbox: '++n, &eventId', events: 'id', unknownNewTable: 'id' });
    const event = makeEvent('note', 'imei:354381079141772');
    await newer.table('outbox').add({ eventId: event.id, event, attempts: 0 });
    await newer.table('events').put({ ...event, sync: 'pending' });
    newer.close();

    const exported = await exportWhatCanBeRead(name, new Date('2026-11-30T12:00:00Z'));
    expect(exported.failed).toEqual({});
    expect(exported.version).toBeGreaterThan(0);
    expect(exported.stores['outbox']).toEqual([{ n: 1, eventId: event.id, event, attempts: 0 }]);
    expect(exported.stores['events']).toHaveLength(1);
    expect(unsyncedIn(exported)).toBe(1);

    await deleteStore(name);
    const fresh = await openDb(name);
    expect(await fresh.outbox.count()).toBe(0);
    fresh.close();
    await fresh.delete();
  });

  it('says what it could not read instead of throwing', async () => {
    const broken = { open: () => { throw new Error('no IndexedDB here'); } } as unknown as IDBFactory;
    const exported = await exportWhatCanBeRead('x', new Date(0), broken).catch((error: unknown) => error);
    expect(exported).toMatchObject({ stores: {}, failed: { '(database)': expect.stringContaining('no IndexedDB') } });
  });
});
