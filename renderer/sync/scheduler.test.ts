import { describe, expect, it } from 'vitest';
import type { Connectivity } from './connectivity';
import type { SyncEngine, SyncReport } from './engine';
import { createSyncScheduler, type Timers } from './scheduler';
import { SyncError } from './sync-error';

const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, invalid: 0, head: 0, diverged: 0, unreadable: 0 };

/** Timers under the test's hand, and a clock that moves with them. */
function manualTime() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let ids = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      pending.set(++ids, { at: now + ms, run });
      return ids;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  return {
    timers,
    now: () => new Date(now),
    /** The delay of the one timer set, or null. */
    next(): number | null {
      const [first] = [...pending.values()].sort((a, b) => a.at - b.at);
      return first ? first.at - now : null;
    },
    count: () => pending.size,
    /** Moves to the next timer and runs it. */
    async fire() {
      const [entry] = [...pending.entries()].sort((a, b) => a[1].at - b[1].at);
      if (!entry) throw new Error('no timer set');
      pending.delete(entry[0]);
      now = entry[1].at;
      entry[1].run();
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeEngine(outcomes: Array<SyncError | 'ok'>) {
  const calls: number[] = [];
  const engine: SyncEngine = {
    async sync() {
      calls.push(calls.length);
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome !== 'ok') throw outcome;
      return report;
    },
  };
  return { engine, calls };
}

function fakeConnectivity(initial = true) {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  const connectivity: Connectivity = {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    connectivity,
    set(value: boolean) {
      online = value;
      for (const listener of listeners) listener(value);
    },
  };
}

const options = { intervalMs: 15_000, nudgeDelayMs: 500, backoff: { baseMs: 1000, maxMs: 60_000 }, random: () => 1 };

describe('the sync scheduler', () => {
  it('syncs at start and then every interval', async () => {
    const time = manualTime();
    const { engine, calls } = fakeEngine([]);
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    expect(calls).toHaveLength(1);
    expect(scheduler.getStatus()).toMatchObject({ connection: 'online', syncing: false, problem: null, lastSyncAt: new Date(0).toISOString() });
    expect(time.next()).toBe(15_000);
    await time.fire();
    expect(calls).toHaveLength(2);
    scheduler.stop();
    expect(time.count()).toBe(0);
  });

  it('backs off exponentially while the server is unreachable, and resets once it answers', async () => {
    const time = manualTime();
    const down = () => new SyncError('network', 'refused');
    const { engine, calls } = fakeEngine([down(), down(), down(), down(), 'ok']);
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    const delays: Array<number | null> = [time.next()];
    for (let i = 0; i < 4; i++) {
      await time.fire();
      delays.push(time.next());
    }
    expect(calls).toHaveLength(5);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15_000]);
    expect(scheduler.getStatus()).toMatchObject({ connection: 'online', failures: 0, problem: null });
  });

  it('says offline when the network went while a sync was finishing', async () => {
    const time = manualTime();
    const network = fakeConnectivity();
    let finish = () => {};
    const engine: SyncEngine = { sync: () => new Promise((resolve) => (finish = () => resolve(report))) };
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: network.connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    network.set(false);
    expect(scheduler.getStatus().connection).toBe('offline');
    finish();
    await settle();
    expect(scheduler.getStatus()).toMatchObject({ connection: 'offline', syncing: false });
  });

  it('answers "sync now" during a running cycle once the cycle after it is done', async () => {
    const time = manualTime();
    const finishes: Array<() => void> = [];
    const engine: SyncEngine = { sync: () => new Promise((resolve) => finishes.push(() => resolve(report))) };
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    let answered = false;
    void scheduler.syncNow().then(() => (answered = true));
    finishes[0]?.();
    await settle();
    expect(finishes).toHaveLength(2);
    expect(answered).toBe(false);
    finishes[1]?.();
    await settle();
    expect(answered).toBe(true);
  });

  it('waits at least what a 503 says, and says the server is unavailable rather than offline', async () => {
    const time = manualTime();
    const { engine } = fakeEngine([new SyncError('retry', '503 unavailable', { status: 503, retryAfterMs: 5000 })]);
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    expect(time.next()).toBe(5000);
    expect(scheduler.getStatus()).toMatchObject({ connection: 'online', problem: { kind: 'retry' } });
  });

  it('stops on a refused token until a person asks again', async () => {
    const time = manualTime();
    const { calls } = fakeEngine([]);
    const outcomes: Array<SyncError | 'ok'> = [new SyncError('auth', '401 unauthorized', { status: 401 }), 'ok'];
    const engine: SyncEngine = {
      async sync(onBootstrap) {
        calls.push(calls.length);
        onBootstrap?.({ fetched: 0, total: null, done: false });
        const outcome = outcomes.shift() ?? 'ok';
        if (outcome !== 'ok') throw outcome;
        return report;
      },
    };
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    // The bootstrap that the refusal cut short shows no progress bar any more.
    expect(scheduler.getStatus()).toMatchObject({ problem: { kind: 'auth' }, bootstrap: null });
    expect(time.count()).toBe(0);
    scheduler.nudge();
    expect(time.count()).toBe(0);
    await scheduler.syncNow();
    expect(calls).toHaveLength(2);
    expect(scheduler.getStatus().problem).toBeNull();
  });

  it('does not try while the browser is offline, and syncs as soon as it is back', async () => {
    const time = manualTime();
    const network = fakeConnectivity(false);
    const { engine, calls } = fakeEngine([]);
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: network.connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    expect(calls).toHaveLength(0);
    expect(scheduler.getStatus().connection).toBe('offline');
    network.set(true);
    await settle();
    expect(calls).toHaveLength(1);
    expect(scheduler.getStatus().connection).toBe('online');
    network.set(false);
    expect(scheduler.getStatus().connection).toBe('offline');
  });

  it('a recorded event brings the next sync forward, but not through a backoff', async () => {
    const time = manualTime();
    const { engine, calls } = fakeEngine(['ok', new SyncError('network', 'refused')]);
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    scheduler.nudge();
    scheduler.nudge();
    expect(time.next()).toBe(500);
    await time.fire();
    expect(calls).toHaveLength(2);
    expect(time.next()).toBe(1000);
    scheduler.nudge();
    expect(time.next()).toBe(1000);
  });

  it('a sync asked for while one runs follows it, once', async () => {
    const time = manualTime();
    let release: () => void = () => {};
    let calls = 0;
    const engine: SyncEngine = {
      sync: () => {
        calls += 1;
        return calls === 1 ? new Promise((resolve) => (release = () => resolve(report))) : Promise.resolve(report);
      },
    };
    const scheduler = createSyncScheduler({ ...options, engine, connectivity: fakeConnectivity().connectivity, timers: time.timers, now: time.now });
    scheduler.start();
    await settle();
    expect(scheduler.getStatus().syncing).toBe(true);
    const first = scheduler.syncNow();
    void scheduler.syncNow();
    release();
    await first;
    await settle();
    expect(calls).toBe(2);
  });
});
