import type { KvikDb } from '../store/db';
import type { SyncClient } from './client';
import { readSyncState, writeSyncState } from './sync-state';

const tables = ['departments', 'employees', 'locations', 'models', 'operators', 'accessories'] as const;

/**
 * The central inventory's reference data into this desk's copy: everything the first time (the
 * copy replaced: the server owns it, a trial desk's own rows go), then only what changed since the
 * revision held. One transaction with the revision, so a desk closed midway asks again.
 */
export async function pullReference(db: KvikDb, client: SyncClient, now: () => Date): Promise<number> {
  const state = await readSyncState(db);
  const answer = await client.reference(state.referenceRevision ?? 0);
  let changed = 0;
  await db.transaction('rw', [...tables.map((t) => db.table(t)), db.syncState], async () => {
    for (const table of tables) {
      if (answer.full) await db.table(table).clear();
      await db.table(table).bulkPut(answer[table]);
      changed += answer[table].length;
    }
    const latest = await readSyncState(db);
    await writeSyncState(db, { ...latest, referenceRevision: answer.revision, referenceUpdatedAt: now().toISOString() });
  });
  return changed;
}
