import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessoryEvent } from '../../shared/accessories/event';
import type { AccessoryPullPage, AccessoryPushResult } from '../../shared/accessories/protocol';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { accessoryLines, issuedInBatch, newAccessoryEvent, recordAccessoryEvent, stockAt } from './store';
import { syncAccessories, type AccessoryClient } from './sync';
import { latestUndoable, undoAccessory } from './undo';
import { issueAccessory, receiveAccessory } from './desk-actions';
import { SyncError } from '../sync/sync-error';

const ctx = { deskId: 'desk-1', operator: 'MK', location: 'KVIK-RH' };
let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`accessories-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const issue = (count = 1, at = new Date('2026-12-01T10:00:00Z')) => newAccessoryEvent(ctx, 'accessory_issued', 'USBC', { count, employeeId: 'E1001' }, at);
const box = (count: number) => newAccessoryEvent(ctx, 'accessory_received', 'USBC', { count }, new Date('2026-12-01T09:00:00Z'));

/** A central inventory in memory: accepts what it is told to, refuses the rest, and pulls back what it stored. */
function fakeCentre(refuse: (event: AccessoryEvent) => boolean = () => false, others: AccessoryEvent[] = []) {
  const stored: Array<{ seq: number; event: unknown }> = others.map((event, i) => ({ seq: i + 1, event }));
  const client: AccessoryClient = {
    async pushAccessories(events) {
      return events.map((event): AccessoryPushResult => {
        const earlier = stored.find((s) => (s.event as AccessoryEvent).id === event.id);
        if (earlier) return { id: event.id, status: 'duplicate', seq: earlier.seq };
        if (refuse(event)) return { id: event.id, status: 'invalid', reasonCode: 'unknown_accessory', reason: 'not in the catalogue' };
        stored.push({ seq: stored.length + 1, event });
        return { id: event.id, status: 'accepted', seq: stored.length };
      });
    },
    async pullAccessories(after, limit): Promise<AccessoryPullPage> {
      const events = stored.filter((s) => s.seq > after).slice(0, limit);
      return { events, last: events.at(-1)?.seq ?? after, more: stored.filter((s) => s.seq > after).length > limit };
    },
  };
  return { client, stored };
}

describe('counted stock at the desk', () => {
  it('keeps the location’s count with every event, in the same transaction as the event and its outbox entry', async () => {
    expect(await recordAccessoryEvent(db, box(10))).toMatchObject({ before: 0, after: 10 });
    expect(await recordAccessoryEvent(db, issue())).toMatchObject({ before: 10, after: 9 });
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(9);
    expect(await stockAt(db, 'LAGER', 'USBC')).toBe(0);
    expect(await db.accessoryOutbox.count()).toBe(2);
  });

  it('writes nothing for an event that breaks the schema', async () => {
    await expect(recordAccessoryEvent(db, { ...issue(), data: { count: 0, employeeId: 'E1' } })).rejects.toThrow();
    expect([await db.accessoryEvents.count(), await db.accessoryOutbox.count(), await db.accessoryStock.count()]).toEqual([0, 0, 0]);
  });

  it('gathers a batch’s issues into receipt lines', async () => {
    await recordAccessoryEvent(db, issue(1, new Date('2026-12-01T08:00:00Z')));
    await recordAccessoryEvent(db, issue(1, new Date('2026-12-01T10:00:00Z')));
    await recordAccessoryEvent(db, issue(1, new Date('2026-12-01T10:01:00Z')));
    const lines = accessoryLines(await issuedInBatch(db, 'desk-1', '2026-12-01T09:00:00.000Z'), () => 'Oplader USB-C');
    expect(lines).toEqual([{ accessory: 'USBC', name: 'Oplader USB-C', count: 2 }]);
  });
});

describe('undo of an accessory at the desk', () => {
  it('takes the newest receive or issue back with the opposite change, once, and the batch no longer lists it', async () => {
    const startedAt = '2026-12-01T08:00:00.000Z';
    await recordAccessoryEvent(db, box(10));
    const first = await recordAccessoryEvent(db, issue(1, new Date('2026-12-01T10:00:00Z')));
    const second = await recordAccessoryEvent(db, issue(1, new Date('2026-12-01T10:01:00Z')));
    expect((await latestUndoable(db, 'desk-1', startedAt))?.id).toBe(second.event.id);
    expect(await undoAccessory(db, ctx, (await latestUndoable(db, 'desk-1', startedAt))!, new Date('2026-12-01T10:02:00Z'))).toMatchObject({ tone: 'warning', message: { params: { count: 1 } } });
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(9);
    expect((await issuedInBatch(db, 'desk-1', startedAt)).map((e) => e.id)).toEqual([first.event.id]);
    expect((await latestUndoable(db, 'desk-1', startedAt))?.id).toBe(first.event.id);
  });
});

describe('the accessories’ sync', () => {
  it('pushes the outbox, takes a refused event back out of the count, and counts another desk’s events once', async () => {
    const otherDesk = { ...box(5), id: '0190c000-0000-7000-8000-000000000001', deskId: 'desk-2' };
    const centre = fakeCentre((event) => event.type === 'accessory_issued' && event.data.count === 2, [otherDesk]);
    await recordAccessoryEvent(db, box(10));
    await recordAccessoryEvent(db, issue(1));
    const refused = await recordAccessoryEvent(db, issue(2));
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(7);

    const report = await syncAccessories(db, centre.client);
    expect(report).toEqual({ pushed: 3, invalid: 1, pulled: 1, unreadable: 0 });
    // 10 − 1 (the refused −2 taken back) + 5 from desk-2.
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(14);
    expect(await db.accessoryEvents.get(refused.event.id)).toMatchObject({ sync: 'invalid', reasonCode: 'unknown_accessory' });
    expect(await db.accessoryOutbox.count()).toBe(0);
    // Again: nothing new, nothing counted twice.
    await syncAccessories(db, centre.client);
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(14);
    expect(new Set((await db.accessoryEvents.toArray()).map((e) => e.sync))).toEqual(new Set(['accepted', 'invalid']));
  });

  it('counts an own event whose push answer was lost once, when the pull brings it', async () => {
    const centre = fakeCentre();
    const recorded = await recordAccessoryEvent(db, box(10));
    // Stored centrally, but the desk never heard the answer.
    centre.stored.push({ seq: 1, event: recorded.event });
    await syncAccessories(db, { pullAccessories: centre.client.pullAccessories, pushAccessories: async () => { throw new SyncError('network', 'lost'); } }).catch(() => undefined);
    await syncAccessories(db, centre.client);
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(10);
    expect(await db.accessoryEvents.get(recorded.event.id)).toMatchObject({ sync: 'accepted', seq: 1 });
  });

  it('keeps aside a pulled event it cannot read (a newer type) and goes on with the ones after it', async () => {
    const newer = { ...box(1), id: '0190c000-0000-7000-8000-000000000009', deskId: 'desk-2', type: 'accessory_lent' } as unknown as AccessoryEvent;
    const after = { ...box(4), id: '0190c000-0000-7000-8000-00000000000a', deskId: 'desk-2' };
    const report = await syncAccessories(db, fakeCentre(() => false, [newer, after]).client);
    expect(report).toMatchObject({ pulled: 1, unreadable: 1 });
    expect(await db.accessoryUnreadable.get(1)).toMatchObject({ event: { type: 'accessory_lent' } });
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(4);
  });

  it('leaves the events in the outbox when the server has no accessory stream (404)', async () => {
    await recordAccessoryEvent(db, box(10));
    const old: AccessoryClient = {
      pushAccessories: async () => { throw new SyncError('rejected', 'not found', { status: 404 }); },
      pullAccessories: async () => { throw new SyncError('rejected', 'not found', { status: 404 }); },
    };
    expect(await syncAccessories(db, old)).toMatchObject({ pushed: 0 });
    expect(await db.accessoryOutbox.count()).toBe(1);
  });
});

describe('issuing at the desk: never refused for want of stock, never silently', () => {
  const charger = { id: 'USBC', name: 'Oplader USB-C', kind: 'charger' as const, levels: '*:2' };
  const handout = { employee: { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' }, batchStartedAt: '2026-12-01T08:00:00.000Z' };

  it('answers green above the level, amber at it, and amber "tæl op" with nothing on record — and records every one', async () => {
    await receiveAccessory(db, ctx, charger, 4, '05712345000014');
    expect(await issueAccessory(db, ctx, charger, handout)).toMatchObject({ tone: 'good', message: { key: 'accessories.feedback.issued', params: { left: 3 } } });
    expect(await issueAccessory(db, ctx, charger, handout)).toMatchObject({ tone: 'warning', message: { key: 'accessories.feedback.issuedLow', params: { left: 2, level: 2 } } });
    await issueAccessory(db, ctx, charger, handout);
    await issueAccessory(db, ctx, charger, handout);
    expect(await issueAccessory(db, ctx, charger, handout)).toMatchObject({ tone: 'warning', message: { key: 'accessories.feedback.issuedEmpty', params: { before: 0 } } });
    expect(await stockAt(db, 'KVIK-RH', 'USBC')).toBe(-1);
    expect(await issueAccessory(db, ctx, charger, { ...handout, employee: undefined })).toMatchObject({ tone: 'error' });
    expect(await db.accessoryOutbox.count()).toBe(6);
  });
});
