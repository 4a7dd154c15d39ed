import { apply } from '../../shared/lifecycle/apply';
import { syncLimits, type PullResponse } from '../../shared/sync/protocol';
import type { ConfirmedDevice, KvikDb, StoredEvent } from '../store/db';
import type { Settlement } from './answers';
import type { SyncClient } from './client';
import { projectionTables, rebuildShown } from './projection';
import { settleOwnEvents } from './settle';
import { readSyncState, writeSyncState } from './sync-state';

export interface PullOutcome {
  events: number;
  more: boolean;
  /** False when another sync moved the cursor first: the page was not applied (and need not be). */
  applied: boolean;
  /**
   * Accepted events this desk's transition table refused on the confirmed state: never expected
   * (both ends decide with `apply`); counted so a version skew shows instead of hiding.
   */
  diverged: number;
}

/** Pulls one page after the cursor and applies it (see `applyPulledPage`). */
export async function pullOnce(db: KvikDb, client: SyncClient, limit: number = syncLimits.pullMaxLimit, now: () => Date = () => new Date()): Promise<PullOutcome> {
  const { cursor } = await readSyncState(db);
  const page = await client.pull(cursor, limit);
  return applyPulledPage(db, page, cursor, now());
}

/**
 * One pulled page in ONE transaction with the cursor that follows it, so a desk closed in the
 * middle either has the whole page or none of it and pulls it again. Each event goes into the
 * history (`events`); an accepted one moves its device's confirmed state on — unless the device's
 * snapshot already holds it (a bootstrap page taken later than the cursor). An event of this desk
 * whose push answer was lost is settled here, exactly as that answer would have.
 */
export async function applyPulledPage(db: KvikDb, page: PullResponse, after: number, now: Date): Promise<PullOutcome> {
  return db.transaction('rw', [...projectionTables(db), db.conflicts, db.syncState], async () => {
    const state = await readSyncState(db);
    if (state.cursor !== after) return { events: page.events.length, more: page.more, applied: false, diverged: 0 };

    const ids = page.events.map((p) => p.event.id);
    const known = await db.events.bulkGet(ids);
    const keys = [...new Set(page.events.map((p) => p.event.deviceKey))];
    const confirmed = new Map<string, ConfirmedDevice>();
    (await db.confirmed.bulkGet(keys)).forEach((row) => row && confirmed.set(row.key, row));
    const changed = new Map<string, ConfirmedDevice>();
    const others: StoredEvent[] = [];
    const own: Array<{ event: StoredEvent; settlement: Settlement }> = [];
    let diverged = 0;

    page.events.forEach((pulled, i) => {
      const { event, seq, status } = pulled;
      if (status === 'accepted') {
        const current = confirmed.get(event.deviceKey);
        if (!current || current.seq < seq) {
          // A correction comes with the device the server's log decided it leaves.
          const result = pulled.device !== undefined ? { ok: true as const, device: pulled.device } : apply(current?.device ?? null, event);
          if (!result.ok) diverged += 1;
          const next = { key: event.deviceKey, seq, device: result.ok ? result.device : (current?.device ?? null) };
          confirmed.set(event.deviceKey, next);
          changed.set(event.deviceKey, next);
        }
      }
      const settlement: Settlement = {
        sync: status,
        seq,
        ...(pulled.reason !== undefined ? { reason: pulled.reason } : {}),
        ...(pulled.reasonCode !== undefined ? { reasonCode: pulled.reasonCode } : {}),
      };
      const stored = known[i];
      if (stored?.sync === 'pending') own.push({ event: stored, settlement });
      else if (!stored || stored.sync !== status || stored.seq !== seq) others.push({ ...(stored ?? event), ...settlement });
    });

    if (others.length > 0) await db.events.bulkPut(others);
    await settleOwnEvents(db, own, now);
    if (changed.size > 0) await db.confirmed.bulkPut([...changed.values()]);
    await rebuildShown(db, keys, page.last);
    await writeSyncState(db, { ...state, cursor: page.last, lastPullAt: now.toISOString() });
    if (diverged > 0) console.warn(`pull: ${diverged} accepted event(s) did not apply on this desk's confirmed state`);
    return { events: page.events.length, more: page.more, applied: true, diverged };
  });
}
