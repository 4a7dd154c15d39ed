import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../shared/lifecycle/apply';
import { healthResponseSchema, type PushResult } from '../../shared/sync/protocol';
import { buildServer } from '../../server/app';
import { parseDeskTokens } from '../../server/auth/tokens';
import { backends, type OpenedDatabase } from './support/backends';
import { apiClient } from './support/client';
import { batchFor, event, newDevice } from './support/events';

const seqs = (results: readonly PushResult[]) => results.flatMap((r) => ('seq' in r ? [r.seq] : []));
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe.each(backends)('concurrent pushes on $name', (backend) => {
  let opened: OpenedDatabase;
  let app: FastifyInstance;
  const desks = ['deskA', 'deskB', 'deskC', 'deskD'];
  const client = (deskId: string) => apiClient(app, `token-${deskId}`);
  const head = async () => healthResponseSchema.parse((await app.inject({ url: '/v1/health' })).json()).head;

  beforeAll(async () => {
    opened = await backend.open();
    app = buildServer({ db: opened.db, devTokens: parseDeskTokens(desks.map((d) => `${d}=token-${d}`).join(',')) });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it('gives gap-free seqs that readers only ever see as a complete prefix', async () => {
    const start = await head();
    const batches = desks.flatMap((deskId) => [batchFor(deskId, 60), batchFor(deskId, 60)]);
    const total = batches.reduce((n, b) => n + b.length, 0);
    let done = false;
    const observed: number[] = [];
    const reader = (async () => {
      const api = client('deskA');
      while (!done) {
        const page = await api.pull(start, 1000);
        const got = page.events.map((e) => e.seq);
        // Whatever is visible is exactly start+1..start+k: no later seq shows before an earlier one.
        expect(got).toEqual(range(start + 1, got.length));
        expect(got.length).toBeGreaterThanOrEqual(observed.at(-1) ?? 0);
        observed.push(got.length);
        // In-process, PGlite and inject answer in microtasks only: yield so the pushes can run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const results = await Promise.all(batches.map((batch) => client(batch[0]?.deskId ?? 'deskA').push(batch)));
    done = true;
    await reader;

    for (const r of results) {
      expect(r.every((x) => x.status === 'accepted')).toBe(true);
      const s = seqs(r);
      // A batch is one transaction under the head lock: its seqs are one contiguous run.
      expect(s).toEqual(range(s[0] ?? -1, s.length));
    }
    expect(results.flatMap(seqs).sort((a, b) => a - b)).toEqual(range(start + 1, total));
    const pulled = await client('deskB').pullAll(start);
    expect(pulled.map((e) => e.seq)).toEqual(range(start + 1, total));
    // Each desk's batch appears in the log in the order the desk sent it.
    const position = new Map(pulled.map((e, i) => [e.event.id, i]));
    for (const batch of batches) {
      const where = batch.map((e) => position.get(e.id) ?? -1);
      expect(where).toEqual([...where].sort((a, b) => a - b));
    }
    expect(observed.length).toBeGreaterThan(0);
    // On PostgreSQL the pushes run on separate connections and the reader sees the log grow while
    // they run; PGlite is one connection that serves them one after another.
    if (backend.name === 'postgres') expect(new Set(observed).size).toBeGreaterThan(2);
  });

  it('a batch retried while its first push is still in flight is stored once', async () => {
    const batch = batchFor('deskC', 100);
    const start = await head();
    const [a, b] = await Promise.all([client('deskC').push(batch), client('deskC').push(batch)]);
    const statuses = [a, b].map((r) => [...new Set(r?.map((x) => x.status))].join());
    expect(statuses.sort()).toEqual(['accepted', 'duplicate']);
    expect(seqs(a ?? [])).toEqual(seqs(b ?? []));
    expect(await head()).toBe(start + 100);
  });

  it('desks racing on one device: exactly one order wins and the projection follows it', async () => {
    const { key, received } = newDevice('deskA');
    await client('deskA').push([received, event('prepared', key, { deskId: 'deskA' })]);
    const dispose = event('disposed', key, { deskId: 'deskA' });
    const handOut = event('handed_out', key, { deskId: 'deskB' });
    const [[d], [h]] = await Promise.all([client('deskA').push([dispose]), client('deskB').push([handOut])]);
    const statuses = [d?.status, h?.status].sort();
    expect(statuses).toEqual(['accepted', 'conflict']);
    const log = (await client('deskD').pullAll(0)).filter((e) => e.event.deviceKey === key);
    const accepted = log.filter((e) => e.status === 'accepted').map((e) => e.event);
    const expected = replay(accepted);
    const snapshot = (await client('deskD').devices(undefined, 5000)).devices.find((x) => x.device.key === key);
    expect(expected.ok && snapshot?.device).toEqual(expected.ok ? expected.device : null);
  });
});
