import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { devicesResponseSchema, pullResponseSchema, type PushResult } from '../../shared/sync/protocol';
import { childBackends } from './support/backends';
import { startChildServer, type ChildServer } from './support/child-server';
import { batchFor } from './support/events';
import { httpGet, httpPush } from './support/http';

const seqOf = (r: PushResult) => ('seq' in r ? r.seq : -1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(childBackends)('the server killed mid-push on $name', (backend) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('restarts on the same data and a retry stores every event exactly once', { timeout: 120_000 }, async () => {
    const data = await backend.prepare();
    cleanups.push(data.dispose);
    const env = { ...data.env, DESK_TOKENS: 'deskA=tokenA' };
    const first: ChildServer = await startChildServer(env);
    cleanups.push(() => first.stop('SIGKILL'));

    const batches = Array.from({ length: 6 }, () => batchFor('deskA', 500));
    const answered = new Map<number, PushResult[]>();
    const failed = new Set<number>();
    const pushes = batches.map((batch, i) =>
      httpPush(first.url, 'tokenA', batch).then(
        (results) => void answered.set(i, results),
        () => void failed.add(i),
      ),
    );
    // Kill the moment the first push is answered: the others are queued or inside their transaction.
    while (answered.size === 0 && failed.size === 0) await sleep(2);
    process.kill(first.pid, 'SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await Promise.all(pushes);
    expect(answered.size).toBeGreaterThanOrEqual(1);
    expect(failed.size, 'some pushes were cut off by the kill').toBeGreaterThanOrEqual(1);

    if (data.dataDir) {
      // The dead server's lock is still there: the restart must see it is stale and take over.
      expect(readFileSync(`${data.dataDir}.lock`, 'utf8').trim()).toBe(String(first.pid));
    }
    const second = await startChildServer(env);
    cleanups.push(() => second.stop('SIGKILL'));

    for (const [i, batch] of batches.entries()) {
      const retry = await httpPush(second.url, 'tokenA', batch);
      expect(retry.every((r) => r.status === 'accepted' || r.status === 'duplicate')).toBe(true);
      const before = answered.get(i);
      if (before) expect(retry).toEqual(before.map((r) => ({ id: r.id, status: 'duplicate', seq: seqOf(r), stored: 'accepted' })));
      const seqs = retry.map(seqOf);
      expect(seqs).toEqual(seqs.map((_, k) => (seqs[0] ?? 0) + k));
    }

    const pulled = [];
    for (let after = 0; ; ) {
      const page = pullResponseSchema.parse((await httpGet(second.url, 'tokenA', `/v1/pull?after=${after}`)).body);
      pulled.push(...page.events);
      after = page.last;
      if (!page.more) break;
    }
    const all = batches.flat();
    expect(pulled.map((e) => e.seq)).toEqual(all.map((_, k) => k + 1));
    expect(new Set(pulled.map((e) => e.event.id))).toEqual(new Set(all.map((e) => e.id)));
    const devices = devicesResponseSchema.parse((await httpGet(second.url, 'tokenA', '/v1/devices?limit=5000')).body);
    expect(devices.devices).toHaveLength(all.length / 2);
    expect(devices.devices.every((d) => d.device.status === 'ready')).toBe(true);
    expect(devices.asOf).toBe(all.length);

    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    if (data.dataDir) expect(existsSync(`${data.dataDir}.lock`)).toBe(false);
  });
});
