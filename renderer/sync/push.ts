import { takePushBatch } from '../../shared/sync/batch';
import { syncLimits, type PushResult } from '../../shared/sync/protocol';
import type { KvikDb, OutboxEntry } from '../store/db';
import { settlementOf, type Settlement } from './answers';
import type { SyncClient } from './client';
import { projectionTables, rebuildShown } from './projection';
import { settleOwnEvents } from './settle';
import { asSyncError, SyncError } from './sync-error';
import { readSyncState, writeSyncState } from './sync-state';

export interface PushLimits {
  maxEvents?: number;
  maxBytes?: number;
}

export interface PushOutcome {
  sent: number;
  accepted: number;
  conflict: number;
  invalid: number;
}

/**
 * Pushes the front of the outbox — in the order the events were recorded, as many as fit in one
 * request — and records the answers. Returns `null` when the outbox is empty. A failed request
 * changes nothing but the entries' attempt count: they stay in the outbox, in order, and the same
 * events go again next time (the server answers a repeat `duplicate`, with the first answer).
 */
export async function pushOnce(db: KvikDb, client: SyncClient, limits: PushLimits = {}, now: () => Date = () => new Date()): Promise<PushOutcome | null> {
  const maxEvents = Math.min(limits.maxEvents ?? syncLimits.pushMaxEvents, syncLimits.pushMaxEvents);
  const front = await db.outbox.orderBy('n').limit(maxEvents).toArray();
  if (front.length === 0) return null;
  const count = takePushBatch(
    front.map((entry) => entry.event),
    { maxEvents, maxBytes: limits.maxBytes ?? syncLimits.bodyMaxBytes },
  );
  if (count === 0) {
    // One event larger than any request may be: the server can never take it. Flag it for a
    // person, like an `invalid` answer, so the outbox behind it is not stuck forever.
    const [first] = front as [OutboxEntry];
    const settlement: Settlement = { sync: 'invalid', reason: 'the event is larger than a push may be', reasonCode: 'too_large' };
    await recordAnswers(db, [{ entry: first, settlement }], now());
    return { sent: 0, accepted: 0, conflict: 0, invalid: 1 };
  }
  const batch = front.slice(0, count);
  let results: PushResult[];
  try {
    results = await client.push(batch.map((entry) => entry.event));
  } catch (error) {
    const message = asSyncError(error).message;
    await db.outbox.bulkUpdate(batch.map((entry) => ({ key: entry.n ?? 0, changes: { attempts: entry.attempts + 1, lastError: message } })));
    throw error;
  }
  // The client checked that results[i] answers batch[i].
  const answered = batch.map((entry, i) => ({ entry, settlement: settlementOf(results[i] ?? missingAnswer(entry)) }));
  await recordAnswers(db, answered, now());
  const outcome: PushOutcome = { sent: batch.length, accepted: 0, conflict: 0, invalid: 0 };
  for (const { settlement } of answered) outcome[settlement.sync] += 1;
  return outcome;
}

/**
 * The answers of one push in ONE transaction: each event's state, its outbox entry gone, the
 * conflicts listed, and the shown devices rebuilt — a refused event falls out of the replay, so
 * the device shows the server's truth again.
 */
async function recordAnswers(db: KvikDb, answered: ReadonlyArray<{ entry: OutboxEntry; settlement: Settlement }>, now: Date): Promise<void> {
  await db.transaction('rw', [...projectionTables(db), db.conflicts, db.syncState], async () => {
    await settleOwnEvents(db, answered.map(({ entry, settlement }) => ({ event: entry.event, settlement })), now);
    const state = await readSyncState(db);
    await rebuildShown(db, answered.map(({ entry }) => entry.event.deviceKey), state.cursor);
    await writeSyncState(db, { ...state, lastPushAt: now.toISOString() });
  });
}

function missingAnswer(entry: OutboxEntry): never {
  throw new SyncError('protocol', `push: no answer for event ${entry.eventId}`);
}
