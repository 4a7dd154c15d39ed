import { syncLimits, type DevicesResponse } from '../../shared/sync/protocol';
import { storedDevice, type KvikDb } from '../store/db';
import type { SyncClient } from './client';
import { localEvents, projectionTables, rebuildShown } from './projection';
import { readSyncState, writeSyncState, type SyncState } from './sync-state';

export interface BootstrapProgress {
  fetched: number;
  /** Devices in the snapshot, when the server says (the first page does). */
  total: number | null;
  done: boolean;
}

/**
 * A new desk fills its store from the central inventory's device snapshot, page by page in key
 * order, then pulls from the smallest `asOf` of the pages (the pull skips what a device's snapshot
 * already holds). Each page is written with its position in one transaction, so a desk closed
 * half-way resumes after the last page it stored.
 */
export async function bootstrap(
  db: KvikDb,
  client: SyncClient,
  options: { pageSize?: number; now?: () => Date; onProgress?: (progress: BootstrapProgress) => void } = {},
): Promise<void> {
  const pageSize = Math.min(options.pageSize ?? syncLimits.devicesMaxLimit, syncLimits.devicesMaxLimit);
  const now = options.now ?? (() => new Date());
  let state = await readSyncState(db);
  if (state.bootstrap.done) return;
  if (!state.bootstrap.startedAt) {
    state = { ...state, bootstrap: { ...state.bootstrap, startedAt: now().toISOString() } };
    await writeSyncState(db, state);
  }
  options.onProgress?.(progressOf(state));
  // Fetch the next page while this one is written: the network and IndexedDB work side by side.
  const fetchPage = (after: string | null) => {
    const request = client.devices(after, pageSize);
    request.catch(() => undefined); // awaited below; not an unhandled rejection if we stop first
    return request;
  };
  let next = fetchPage(state.bootstrap.after);
  for (;;) {
    const page = await next;
    if (page.next !== null) next = fetchPage(page.next);
    const after = await applySnapshotPage(db, page, state.bootstrap.after, now());
    if (!after) return; // another sync moved on: it finishes the bootstrap
    state = after;
    options.onProgress?.(progressOf(state));
    if (state.bootstrap.done) return;
  }
}

function progressOf(state: SyncState): BootstrapProgress {
  return { fetched: state.bootstrap.fetched, total: state.bootstrap.total, done: state.bootstrap.done };
}

/**
 * One snapshot page: the confirmed rows, the shown rows (the confirmed state, or with this desk's
 * own unconfirmed events replayed where it has any), and the position — one transaction.
 * Returns the new state, or `null` when the position moved since the page was asked for.
 */
export async function applySnapshotPage(db: KvikDb, page: DevicesResponse, after: string | null, now: Date): Promise<SyncState | null> {
  return db.transaction('rw', [...projectionTables(db), db.syncState], async () => {
    const state = await readSyncState(db);
    if (state.bootstrap.done || state.bootstrap.after !== after) return null;
    const keys = page.devices.map((d) => d.device.key);
    await db.confirmed.bulkPut(page.devices.map(({ seq, device }) => ({ key: device.key, seq, device })));
    const local = await localEvents(db, keys, 0);
    const plain = page.devices.filter(({ device }) => !local.has(device.key));
    await db.devices.bulkPut(plain.map(({ device }) => storedDevice(device)));
    await rebuildShown(db, local.keys(), 0);
    const asOf = Math.min(state.bootstrap.asOf ?? page.asOf, page.asOf);
    const done = page.next === null;
    const next: SyncState = {
      ...state,
      cursor: done ? asOf : state.cursor,
      bootstrap: {
        ...state.bootstrap,
        done,
        after: page.next ?? state.bootstrap.after,
        asOf,
        fetched: state.bootstrap.fetched + page.devices.length,
        total: state.bootstrap.total ?? page.total ?? null,
        ...(done ? { finishedAt: now.toISOString() } : {}),
      },
    };
    await writeSyncState(db, next);
    return next;
  });
}
