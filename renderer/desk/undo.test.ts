import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../shared/testing/builders';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { recordEvent } from '../store/record';
import { undoLastAction } from './undo';

const KEY = 'imei:354381079141772';
const ctx = { deskId: 'desk-1', operator: 'AB', location: 'LAGER' };
let db: KvikDb;
let n = 0;

beforeEach(async () => {
  db = await openDb(`undo-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('undoLastAction', () => {
  it('records a correction restoring the device, and deletes nothing', async () => {
    await recordEvent(db, makeEvent('received', KEY));
    await recordEvent(db, makeEvent('prepared', KEY));
    const handout = makeEvent('handed_out', KEY);
    await recordEvent(db, handout);
    const result = await undoLastAction(db, ctx, 'Forkert medarbejder');
    expect(result.ok).toBe(true);
    expect(await db.devices.get(KEY)).toMatchObject({ status: 'ready', handouts: 0 });
    expect((await db.devices.get(KEY))?.holder).toBeUndefined();
    expect(await db.events.count()).toBe(4);
    expect(await db.outbox.count()).toBe(4);
    const correction = (await db.outbox.toArray()).at(-1)?.event;
    // The desk sends what it undoes, never a state: the central inventory restores from its log.
    expect(correction).toMatchObject({ type: 'corrected', data: { undoes: handout.id } });
    expect(correction?.data).not.toHaveProperty('restore');
  });

  it('undoing a registration withdraws the device from the projection', async () => {
    await recordEvent(db, makeEvent('received', KEY));
    expect((await undoLastAction(db, ctx, 'Fejlscanning')).ok).toBe(true);
    expect(await db.devices.get(KEY)).toBeUndefined();
    expect(await db.events.count()).toBe(2);
  });

  it('undoes one action only', async () => {
    await recordEvent(db, makeEvent('received', KEY));
    await undoLastAction(db, ctx, 'x');
    expect(await undoLastAction(db, ctx, 'x')).toEqual({ ok: false, nothing: true });
  });
});
