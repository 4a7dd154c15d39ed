// First: Dexie takes IndexedDB from the global scope when it is loaded.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../shared/sync/protocol';
import { readAccessoryStock } from '../../server/accessories/push';
import { issueAccessory, receiveAccessory } from '../../renderer/accessories/desk-actions';
import { newAccessoryEvent, recordAccessoryEvent, stockAt } from '../../renderer/accessories/store';
import { openTestDesk, type TestDesk } from '../support/sync-desk';
import { startTestServer, tokenFor, type TestServer } from '../support/sync-server';

describe('two desks at one location, offline and then synced, count the same chargers', () => {
  let server: TestServer;
  let a: TestDesk;
  let b: TestDesk;

  beforeAll(async () => {
    server = await startTestServer();
    const put = (table: string, rows: unknown[]) =>
      server.app.inject({ method: 'PUT', url: `${syncPaths.reference}/${table}`, headers: { authorization: `Bearer ${tokenFor('deskA')}` }, payload: { operator: 'x', rows } });
    await put('locations', [{ id: 'LAGER', name: 'Centrallager', type: 'warehouse' }]);
    await put('accessories', [{ id: 'USBC', name: 'Oplader USB-C', kind: 'charger', gtin: '5712345000014', levels: '*:9' }]);
    a = await openTestDesk('deskA', server);
    b = await openTestDesk('deskB', server);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });

  it('converges on the sum of both desks’ changes; a refused event is taken back where it was made', async () => {
    // Both fetch the catalogue first.
    await a.engine.sync();
    await b.engine.sync();
    const charger = (await a.db.accessories.get('USBC'))!;
    expect(charger).toMatchObject({ gtin: '05712345000014', levels: '*:9' });
    const employee = { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' };

    // Offline: A receives a box of 10; B, not knowing, gives one out with 0 on record (amber) and
    // records one for an accessory the centre does not know.
    await receiveAccessory(a.db, a.ctx, charger, 10, '05712345000014');
    expect(await issueAccessory(b.db, b.ctx, charger, { employee, batchStartedAt: new Date().toISOString() })).toMatchObject({ tone: 'warning', message: { key: 'accessories.feedback.issuedEmpty' } });
    const stray = await recordAccessoryEvent(b.db, newAccessoryEvent(b.ctx, 'accessory_received', 'GHOST', { count: 3 }));
    expect(await stockAt(b.db, 'LAGER', 'USBC')).toBe(-1);

    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect(await stockAt(a.db, 'LAGER', 'USBC')).toBe(9);
    expect(await stockAt(b.db, 'LAGER', 'USBC')).toBe(9);
    expect(await stockAt(b.db, 'LAGER', 'GHOST')).toBe(0);
    expect(await b.db.accessoryEvents.get(stray.event.id)).toMatchObject({ sync: 'invalid', reasonCode: 'unknown_accessory' });
    expect((await readAccessoryStock(server.db)).filter((s) => s.location === 'LAGER')).toEqual([{ location: 'LAGER', accessory: 'USBC', count: 9 }]);
    // Nothing waits, and a sync again changes nothing.
    expect([await a.db.accessoryOutbox.count(), await b.db.accessoryOutbox.count()]).toEqual([0, 0]);
    await b.engine.sync();
    expect(await stockAt(b.db, 'LAGER', 'USBC')).toBe(9);
  });
});
