import { syncLimits } from '../../shared/sync/protocol';
import type { KvikDb } from '../store/db';
import { bootstrap, type BootstrapProgress } from './bootstrap';
import type { SyncClient } from './client';
import { pullOnce } from './pull';
import { adaptivePageSize } from './page-size';
import { pushOnce, type PushLimits } from './push';
import { pullReference } from './reference';
import { SyncError } from './sync-error';
import { readSyncState, writeSyncState } from './sync-state';
import { syncAccessories } from '../accessories/sync';

export interface SyncEngineOptions {
  db: KvikDb;
  client: SyncClient;
  now?: () => Date;
  push?: PushLimits;
  pullLimit?: number;
  snapshotPageSize?: number;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  invalid: number;
  head: number;
  /** Pulled accepted events this desk could not apply (see `PullOutcome.diverged`): always 0. */
  diverged: number;
  /** Pulled events this desk could not read, kept aside (see `PullOutcome.unreadable`). */
  unreadable: number;
}

export interface SyncEngine {
  /**
   * One full sync: check the server (and that its log is not behind this desk), bootstrap if this
   * desk never has, push the whole outbox, pull to the head. Throws a `SyncError` when a request
   * fails; everything committed before that stays committed, and the next call goes on from there.
   */
  sync(onBootstrap?: (progress: BootstrapProgress) => void): Promise<SyncReport>;
}

/** Safety net for a loop that should end: a desk recording faster than it can push. */
const MAX_ROUNDS = 10_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, client } = options;
  const now = options.now ?? (() => new Date());
  // One sync at a time per engine; a second call waits for the first and then runs its own.
  let running: Promise<unknown> = Promise.resolve();
  // Kept between syncs: a stretch of the log that failed at full size is not retried at full size.
  const pullSize = adaptivePageSize(Math.min(options.pullLimit ?? syncLimits.pullMaxLimit, syncLimits.pullMaxLimit));
  const snapshotSize = adaptivePageSize(Math.min(options.snapshotPageSize ?? syncLimits.devicesMaxLimit, syncLimits.devicesMaxLimit));

  async function syncOnce(onBootstrap?: (progress: BootstrapProgress) => void): Promise<SyncReport> {
    const health = await client.health();
    const state = await readSyncState(db);
    if (state.cursor > health.head)
      throw new SyncError(
        'protocol',
        `the server's log ends at ${health.head}, but this desk has already pulled up to ${state.cursor}: a different server, or one restored from an older backup`,
      );
    // Reference data first: a new desk's pickers and sign-in need it before its devices.
    await pullReference(db, client, now);
    for (;;) {
      try {
        await bootstrap(db, client, { pageSize: snapshotSize.current, now, onProgress: onBootstrap });
        break;
      } catch (error) {
        // It resumes after the last page it stored, asking for smaller pages.
        if (!snapshotSize.shrinkAfter(error)) throw error;
      }
    }

    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, invalid: 0, head: health.head, diverged: 0, unreadable: 0 };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const outcome = await pushOnce(db, client, options.push, now);
      if (!outcome) break;
      report.pushed += outcome.sent;
      report.conflicts += outcome.conflict;
      report.invalid += outcome.invalid;
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let outcome;
      try {
        outcome = await pullOnce(db, client, pullSize.current, now);
      } catch (error) {
        if (pullSize.shrinkAfter(error)) continue;
        throw error;
      }
      pullSize.grow();
      report.pulled += outcome.events;
      report.diverged += outcome.diverged;
      report.unreadable += outcome.unreadable;
      if (!outcome.more) break;
    }
    // Counted stock (chargers, cables): a stream of its own beside the devices' log.
    await syncAccessories(db, client);
    await db.transaction('rw', db.syncState, async () => {
      const after = await readSyncState(db);
      report.head = Math.max(report.head, after.cursor);
      await writeSyncState(db, { ...after, lastSyncAt: now().toISOString() });
    });
    return report;
  }

  return {
    sync(onBootstrap) {
      const run = running.then(() => syncOnce(onBootstrap));
      running = run.catch(() => undefined);
      return run;
    },
  };
}
