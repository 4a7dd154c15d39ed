import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import type { BootstrapProgress } from './bootstrap';
import type { Connectivity } from './connectivity';
import type { SyncEngine } from './engine';
import { asSyncError, isTransient, stopsSync, type SyncErrorKind } from './sync-error';

/**
 * `online`: the server answered the last sync; `unreachable`: a network, but no answer from the
 * server; `offline`: no network at all; `unknown`: not tried yet.
 */
export type Connection = 'unknown' | 'online' | 'unreachable' | 'offline';

export interface SyncStatus {
  connection: Connection;
  /** A sync is running now. */
  syncing: boolean;
  /** While a new desk fills its store from the snapshot. */
  bootstrap: BootstrapProgress | null;
  lastSyncAt: string | null;
  /** Why the last sync failed; `auth` and `config` stop syncing until a person acts. */
  problem: { kind: SyncErrorKind; message: string } | null;
  /** When the next sync starts by itself; `null` while syncing or stopped. */
  nextAttemptAt: string | null;
  /** Failed syncs in a row (the backoff's exponent). */
  failures: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncSchedulerOptions {
  engine: SyncEngine;
  connectivity: Connectivity;
  /** How often to sync while all is well ("every little while"). */
  intervalMs?: number;
  /** How long after a recorded event to push it (several scans in a row go together). */
  nudgeDelayMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => Date;
  timers?: Timers;
  lastSyncAt?: string | null;
}

export interface SyncScheduler {
  start(): void;
  /** No more syncs start; one already running finishes (its writes are transactions anyway). */
  stop(): void;
  /** Sync now, whatever the backoff says (a person asked); resolves when that sync has ended. */
  syncNow(): Promise<void>;
  /** Something was recorded: sync soon, unless the server is being waited out. */
  nudge(): void;
  getStatus(): SyncStatus;
  subscribe(listener: () => void): () => void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * When to sync: at start, when the browser says the network is back, shortly after something is
 * recorded, every `intervalMs` while all is well, and after a failure with exponential backoff and
 * jitter. A refused token stops it: retrying cannot help until a person fixes the settings.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { engine, connectivity } = options;
  const intervalMs = options.intervalMs ?? 15_000;
  const nudgeDelayMs = options.nudgeDelayMs ?? 500;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? browserTimers;

  let status: SyncStatus = {
    connection: 'unknown',
    syncing: false,
    bootstrap: null,
    lastSyncAt: options.lastSyncAt ?? null,
    problem: null,
    nextAttemptAt: null,
    failures: 0,
  };
  const listeners = new Set<() => void>();
  let started = false;
  let timer: unknown = null;
  let timerAt = Number.POSITIVE_INFINITY;
  let current: Promise<void> | null = null;
  /** Run once more when the current sync ends: asked by a person, or (soft) by a recorded event. */
  let again: 'none' | 'soft' | 'forced' = 'none';
  let unsubscribe: () => void = () => {};

  const update = (changes: Partial<SyncStatus>) => {
    status = { ...status, ...changes };
    for (const listener of listeners) listener();
  };

  function schedule(ms: number): void {
    if (!started) return;
    const at = now().getTime() + ms;
    if (timer !== null && timerAt <= at) return; // an earlier wake-up is already set
    if (timer !== null) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(() => {
      timer = null;
      timerAt = Number.POSITIVE_INFINITY;
      void run();
    }, ms);
    update({ nextAttemptAt: new Date(at).toISOString() });
  }

  function cancelTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    timerAt = Number.POSITIVE_INFINITY;
  }

  function run(): Promise<void> {
    if (current) {
      again = 'forced';
      return current;
    }
    current = cycle().finally(() => {
      current = null;
      const rerun = again === 'forced' || (again === 'soft' && status.failures === 0);
      again = 'none';
      if (rerun && started) void run();
    });
    return current;
  }

  async function cycle(): Promise<void> {
    if (!started) return;
    cancelTimer();
    if (!connectivity.isOnline()) {
      // The browser's `online` event wakes us; the timer is a second chance if it never comes.
      update({ connection: 'offline', nextAttemptAt: null });
      schedule(intervalMs);
      return;
    }
    update({ syncing: true, nextAttemptAt: null });
    try {
      await engine.sync((progress) => update({ bootstrap: progress.done ? null : progress }));
      // The network may have gone while the cycle's last answers were on their way: the browser's
      // word wins, or the desk would say online until the next cycle.
      update({ syncing: false, connection: connectivity.isOnline() ? 'online' : 'offline', problem: null, failures: 0, bootstrap: null, lastSyncAt: now().toISOString() });
      schedule(intervalMs);
    } catch (caught) {
      const error = asSyncError(caught);
      const failures = status.failures + 1;
      const connection: Connection = error.kind === 'network' ? (connectivity.isOnline() ? 'unreachable' : 'offline') : 'online';
      update({ syncing: false, connection, failures, bootstrap: null, problem: { kind: error.kind, message: error.message } });
      if (!isTransient(error)) return;
      schedule(backoffDelay(failures, random, options.backoff ?? defaultBackoff, error.retryAfterMs));
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribe = connectivity.subscribe((online) => {
        if (online) void run();
        else update({ connection: 'offline' });
      });
      void run();
    },
    stop() {
      started = false;
      cancelTimer();
      unsubscribe();
      update({ nextAttemptAt: null });
    },
    syncNow() {
      if (!started) return Promise.resolve();
      // A cycle already running may have passed what the caller waits for (a team lead's edit,
      // pulled back): the promise is of the cycle that follows it.
      if (current) return run().then(() => current ?? undefined);
      return run();
    },
    nudge() {
      if (!started || (status.problem && stopsSync(status.problem.kind))) return;
      if (current) {
        if (again === 'none') again = 'soft';
        return;
      }
      // After a failure the backoff stands: a scan must not hammer a server that is down.
      if (status.failures === 0) schedule(nudgeDelayMs);
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
