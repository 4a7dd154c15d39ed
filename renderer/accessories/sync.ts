import { accessoryEventSchema } from '../../shared/accessories/event';
import { countEvent } from './store';
import { accessoryLimits, type AccessoryPullPage, type AccessoryPushResult } from '../../shared/accessories/protocol';
import type { AccessoryEvent } from '../../shared/accessories/event';
import type { KvikDb } from '../store/db';
import { SyncError } from '../sync/sync-error';
import { describeIssues } from '../../shared/sync/protocol';

/** What the sync client offers for the accessories' stream (`renderer/sync/client.ts`). */
export interface AccessoryClient {
  pushAccessories?(events: readonly AccessoryEvent[]): Promise<AccessoryPushResult[]>;
  pullAccessories?(after: number, limit: number): Promise<AccessoryPullPage>;
}

const CURSOR_KEY = 'accessories';
/** Safety net for a loop that should end. */
const MAX_ROUNDS = 10_000;

export interface AccessorySyncReport {
  pushed: number;
  invalid: number;
  pulled: number;
  /** Pulled events this desk could not read (a newer type): kept aside in `accessoryUnreadable`, counted. */
  unreadable: number;
}

/**
 * The accessories' stream, after the devices' in every sync: push the whole outbox in order, then
 * pull everything after the cursor. A server without the stream (older than it) answers 404: the
 * desk keeps its events and tries again with the next sync, never failing the device sync for it.
 */
export async function syncAccessories(db: KvikDb, client: AccessoryClient): Promise<AccessorySyncReport> {
  const report: AccessorySyncReport = { pushed: 0, invalid: 0, pulled: 0, unreadable: 0 };
  const { pushAccessories, pullAccessories } = client;
  if (!pushAccessories || !pullAccessories) return report;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const front = await db.accessoryOutbox.orderBy('n').limit(accessoryLimits.pushMaxEvents).toArray();
      if (front.length === 0) break;
      const results = await pushAccessories.call(client, front.map((entry) => entry.event));
      await recordAnswers(db, front.map((entry, i) => ({ event: entry.event, n: entry.n ?? 0, result: results[i] })));
      report.pushed += front.length;
      report.invalid += results.filter((r) => r.status === 'invalid').length;
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const cursor = await readCursor(db);
      const page = await pullAccessories.call(client, cursor, accessoryLimits.pullMaxLimit);
      const outcome = await applyPulled(db, page);
      report.pulled += outcome.applied;
      report.unreadable += outcome.unreadable;
      if (!page.more) break;
    }
  } catch (error) {
    if (error instanceof SyncError && error.status === 404) return report;
    throw error;
  }
  return report;
}

/**
 * One push's answers in ONE transaction: accepted (or a repeat) marked so, a refused one marked
 * `invalid` with the server's reason and its change taken back out of the count — the desk's stock
 * is always its accepted and pending events — and the outbox entries gone.
 */
async function recordAnswers(db: KvikDb, answered: ReadonlyArray<{ event: AccessoryEvent; n: number; result: AccessoryPushResult | undefined }>): Promise<void> {
  await db.transaction('rw', [db.accessoryEvents, db.accessoryStock, db.accessoryOutbox], async () => {
    for (const { event, n, result } of answered) {
      if (!result) throw new SyncError('protocol', `accessory push: no answer for event ${event.id}`);
      const stored = await db.accessoryEvents.get(event.id);
      if (result.status === 'invalid') {
        if (stored?.sync === 'pending') await countEvent(db, event, -1);
        await db.accessoryEvents.update(event.id, { sync: 'invalid', reason: result.reason, reasonCode: result.reasonCode });
      } else await db.accessoryEvents.update(event.id, { sync: 'accepted', seq: result.seq });
      await db.accessoryOutbox.delete(n);
    }
  });
}

/**
 * A pulled page: another desk's event is added and counted; this desk's own (already counted when
 * recorded) is only marked accepted. One transaction with the cursor, so a desk closed midway
 * never counts an event twice.
 */
async function applyPulled(db: KvikDb, page: AccessoryPullPage): Promise<{ applied: number; unreadable: number }> {
  let applied = 0;
  let unreadable = 0;
  await db.transaction('rw', [db.accessoryEvents, db.accessoryStock, db.accessoryUnreadable, db.syncState], async () => {
    for (const { seq, event: raw } of page.events) {
      const parsed = accessoryEventSchema.safeParse(raw);
      if (!parsed.success) {
        // Kept aside as it came (a type from a newer version), never in the way of the ones after it.
        await db.accessoryUnreadable.put({ seq, event: raw, problem: describeIssues(parsed.error), pulledAt: new Date().toISOString() });
        unreadable += 1;
        continue;
      }
      const event = parsed.data;
      const stored = await db.accessoryEvents.get(event.id);
      if (stored) {
        if (stored.sync !== 'accepted') await db.accessoryEvents.update(event.id, { sync: 'accepted', seq });
        continue;
      }
      await db.accessoryEvents.add({ ...event, sync: 'accepted', seq });
      await countEvent(db, event);
      applied += 1;
    }
    await db.syncState.put({ key: CURSOR_KEY, value: { cursor: page.last } });
  });
  return { applied, unreadable };
}

async function readCursor(db: KvikDb): Promise<number> {
  const row = await db.syncState.get(CURSOR_KEY);
  const cursor = (row?.value as { cursor?: unknown } | undefined)?.cursor;
  return typeof cursor === 'number' && Number.isSafeInteger(cursor) && cursor >= 0 ? cursor : 0;
}
