import type { DeviceEvent } from '../../shared/domain/event';
import type { ConflictRow, KvikDb } from '../store/db';
import { conflictRowFor, settledEvent, type Settlement } from './answers';

/**
 * Records how the central inventory holds events of this desk: the event's sync state, its
 * outbox entry removed (the server has answered for it), and a Conflicts row for one it did not
 * apply. Idempotent — a push answer and a pull may both report the same event, in either order,
 * and a repeated answer changes nothing (a conflict keeps when it was first seen and whether a
 * person acknowledged it). Call inside a transaction over events, outbox and conflicts.
 */
export async function settleOwnEvents(db: KvikDb, settled: ReadonlyArray<{ event: DeviceEvent; settlement: Settlement }>, now: Date): Promise<void> {
  if (settled.length === 0) return;
  const ids = settled.map((s) => s.event.id);
  const stored = await db.events.bulkGet(ids);
  await db.events.bulkPut(settled.map(({ event, settlement }, i) => settledEvent(stored[i], event, settlement)));
  await db.outbox.where('eventId').anyOf(ids).delete();
  const known = await db.conflicts.bulkGet(ids);
  const fresh = settled
    .map(({ event, settlement }, i) => (known[i] ? null : conflictRowFor(event, settlement, now.toISOString())))
    .filter((row): row is ConflictRow => row !== null);
  if (fresh.length > 0) await db.conflicts.bulkPut(fresh);
}
