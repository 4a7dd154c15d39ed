import { z } from 'zod';
import type { KvikDb } from '../store/db';

const STATE_KEY = 'sync';

/**
 * Where this desk stands with the central inventory. Written only inside the transactions that
 * change what it describes (a pulled page with its cursor, a bootstrap page with its position),
 * so a desk closed at any moment resumes exactly where its last committed step left it.
 */
export const syncStateSchema = z.object({
  /** Every event up to this `seq` is in `confirmed` (or older than the device's snapshot). */
  cursor: z.number().int().nonnegative(),
  bootstrap: z.object({
    done: z.boolean(),
    /** The last device key stored; the next page starts after it. */
    after: z.string().nullable(),
    /** The smallest `asOf` of the pages so far: where the pull starts once the snapshot is in. */
    asOf: z.number().int().nonnegative().nullable(),
    fetched: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  }),
  lastPushAt: z.string().optional(),
  lastPullAt: z.string().optional(),
  /** The end of the last sync that pushed everything and pulled to the head. */
  lastSyncAt: z.string().optional(),
  /** The central reference data's revision this desk holds, and when it last fetched it. */
  referenceRevision: z.number().int().nonnegative().optional(),
  referenceUpdatedAt: z.string().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export function initialSyncState(): SyncState {
  return { cursor: 0, bootstrap: { done: false, after: null, asOf: null, fetched: 0, total: null } };
}

/**
 * The stored state, or the initial one when there is none. The state belongs to the central
 * inventory's log, not to a URL: a server that moved keeps its log, and a server whose head is
 * behind the cursor is caught by the engine before anything is applied.
 */
export async function readSyncState(db: KvikDb): Promise<SyncState> {
  const row = await db.syncState.get(STATE_KEY);
  if (!row) return initialSyncState();
  // Only ever written through the schema below; a row that fails it is a bug, not a reason to
  // start over silently (that would re-apply the whole log onto the confirmed state).
  return syncStateSchema.parse(row.value);
}

export async function writeSyncState(db: KvikDb, state: SyncState): Promise<void> {
  await db.syncState.put({ key: STATE_KEY, value: syncStateSchema.parse(state) });
}
