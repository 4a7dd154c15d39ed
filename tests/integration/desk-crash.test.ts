// First: Dexie takes IndexedDB from the global scope when it is loaded (the sync client loads it).
import 'fake-indexeddb/auto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { devicesResponseSchema, pullResponseSchema, type PulledEvent } from '../../shared/sync/protocol';
import type { FetchLike } from '../../renderer/sync/client';
import { alwaysOnline } from '../../renderer/sync/connectivity';
import { createSyncScheduler } from '../../renderer/sync/scheduler';
import { openTestDesk, normalize, type TestDesk } from '../support/sync-desk';
import { childBackends } from './support/backends';
import { startChildServer, type ChildServer } from './support/child-server';

const DEVICES = 600; // 1,200 events: three pushes of 500, 500, 200
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const storedPushes = (server: ChildServer) => server.output().split('\n').filter((line) => line.includes('"push stored"')).length;

describe.each(childBackends)('the desk engine against a server killed mid-push on $name', (backend) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('retries with backoff after the restart and finishes its sync with nothing lost or doubled', { timeout: 180_000 }, async () => {
    const data = await backend.prepare();
    cleanups.push(data.dispose);
    const port = await freePort();
    const env = { ...data.env, DESK_TOKENS: 'deskA=tokenA', PORT: String(port) };
    let server = await startChildServer(env);
    cleanups.push(() => server.stop('SIGKILL'));

    // The desk's network: the real fetch. On the second push, the server is killed the moment it
    // has stored the batch, and that push's answer never reaches the desk — the worst moment.
    let pushes = 0;
    let killed = false;
    const network: FetchLike = async (url, init) => {
      if (!url.includes('/v1/push') || killed) return fetch(url, init);
      pushes += 1;
      if (pushes !== 2) return fetch(url, init);
      const victim = server;
      const request = fetch(url, init).catch((error: unknown) => error);
      await waitFor(() => storedPushes(victim) >= 2, 30_000, 'the second push to be stored');
      process.kill(victim.pid, 'SIGKILL');
      killed = true;
      await request;
      throw new TypeError('fetch failed: the server went away mid-push');
    };
    const desk: TestDesk = await openTestDesk('deskA', { url: server.url, fetch: network }, { token: 'tokenA' });
    cleanups.push(() => desk.close());
    for (let i = 0; i < DEVICES; i++) {
      const key = `imei:35${String(i).padStart(13, '0')}`;
      await desk.act('received', key);
      await desk.act('prepared', key);
    }
    const recorded = (await desk.db.outbox.orderBy('n').toArray()).map((entry) => entry.eventId);
    expect(recorded).toHaveLength(2 * DEVICES);

    const scheduler = createSyncScheduler({ engine: desk.engine, connectivity: alwaysOnline, intervalMs: 60_000, backoff: { baseMs: 200, maxMs: 2000 } });
    scheduler.start();
    cleanups.push(async () => scheduler.stop());

    await waitFor(() => killed, 60_000, 'the kill');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The desk keeps trying, with backoff, while the server is down …
    await waitFor(() => scheduler.getStatus().failures >= 2, 30_000, 'failed retries');
    expect(scheduler.getStatus()).toMatchObject({ connection: 'unreachable', problem: { kind: 'network' } });
    expect(await desk.db.outbox.count()).toBe(2 * DEVICES - 500);

    // … and once it is back on the same address and data, it finishes by itself.
    server = await startChildServer(env);
    await waitFor(async () => (await desk.db.outbox.count()) === 0 && scheduler.getStatus().failures === 0, 60_000, 'the sync to finish');
    scheduler.stop();

    const headers = { authorization: 'Bearer tokenA' };
    const log: PulledEvent[] = [];
    for (let after = 0; ; ) {
      const page = pullResponseSchema.parse(await (await fetch(`${server.url}/v1/pull?after=${after}`, { headers })).json());
      log.push(...page.events);
      after = page.last;
      if (!page.more) break;
    }
    // Exactly once, in the order recorded, with no gap: the stored-but-unanswered batch was
    // answered `duplicate` on the retry, not stored again.
    expect(log.map((e) => e.event.id)).toEqual(recorded);
    expect(log.map((e) => e.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(log.every((e) => e.status === 'accepted')).toBe(true);
    const local = await desk.db.events.bulkGet(recorded);
    expect(local.map((e) => [e?.sync, e?.seq])).toEqual(log.map((e) => ['accepted', e.seq]));

    const snapshot = devicesResponseSchema.parse(await (await fetch(`${server.url}/v1/devices?limit=5000`, { headers })).json());
    expect(await desk.shown()).toEqual(normalize(snapshot.devices.map((d) => d.device)));
    expect(snapshot.devices).toHaveLength(DEVICES);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
