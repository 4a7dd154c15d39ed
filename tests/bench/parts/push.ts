import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceEvent } from '../../../shared/domain/event';
import { makeEvent } from '../../../shared/testing/builders';
import { healthResponseSchema, pushResponseSchema, syncLimits, syncPaths } from '../../../shared/sync/protocol';
import type { Database } from '../../../server/db/database';
import { openPglite } from '../../../server/db/pglite';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { startChildServer, type ChildServer } from '../../integration/support/child-server';
import { figure, type BenchPart, type Figure } from '../figures';

/**
 * Pushing 100,000 events through the real HTTP API in batches of 500, into a server running as
 * its own process (as in production) on PostgreSQL: DATABASE_URL, or the local one at
 * postgres://postgres@127.0.0.1:5432/test, in a schema of its own that is dropped afterwards.
 * The baseline, measured in the same run on the same database: the same rows as plain multi-row
 * INSERTs of 500 into a bare table (no keys, no indexes, no projection, no HTTP). Also measured:
 * four desks pushing at once, and the same push on embedded PGlite. Target: ≥ 5,000 events/s.
 */
const EVENTS = 100_000;
const BATCH = syncLimits.pushMaxEvents;
const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let imeiCounter = 0;

/** Devices through a realistic lifecycle, every event accepted; batches hold whole devices. */
function lifecycles(deskId: string, count: number): DeviceEvent[] {
  const events: DeviceEvent[] = [];
  const at = '2026-11-23T09:00:00.000Z';
  while (events.length < count) {
    imeiCounter += 1;
    const imei = `35${String(imeiCounter).padStart(13, '0')}`;
    const key = `imei:${imei}`;
    const common = { at, deskId, operator: 'AB', location: 'LAGER' };
    events.push(
      makeEvent('received', key, { ...common, id: uuidv7(), data: { kind: 'phone', imei, model: 'iPhone 13' } }),
      makeEvent('prepared', key, { ...common, id: uuidv7() }),
      makeEvent('handed_out', key, { ...common, id: uuidv7(), data: { employeeId: `E${imeiCounter}`, department: 'SOF' } }),
      makeEvent('returned', key, { ...common, id: uuidv7(), data: { condition: 'ok' } }),
    );
  }
  return events.slice(0, count);
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Pushes pre-serialised bodies one after another, as one desk drains its outbox; returns ms. */
async function pushAll(server: ChildServer, token: string, bodies: readonly string[]): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${server.url}${syncPaths.push}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    const { results } = pushResponseSchema.parse(await res.json());
    const refused = results.find((r) => r.status !== 'accepted');
    if (refused) throw new Error(`an event was not accepted: ${JSON.stringify(refused)}`);
  }
  return performance.now() - started;
}

async function head(server: ChildServer): Promise<number> {
  return healthResponseSchema.parse(await (await fetch(`${server.url}${syncPaths.health}`)).json()).head;
}

/** The baseline: the same rows, plain multi-row INSERTs of 500 into a bare table. */
async function plainInserts(query: (sql: string, params: unknown[]) => Promise<unknown>, events: readonly DeviceEvent[]): Promise<number> {
  await query('CREATE TABLE bench_plain (seq bigint, id uuid, device_key text, desk_id text, type text, status text, event jsonb)', []);
  const started = performance.now();
  let seq = 0;
  for (const batch of batches(events, BATCH)) {
    const params: unknown[] = [];
    const rows = batch.map((e) => {
      seq += 1;
      params.push(seq, e.id, e.deviceKey, e.deskId, e.type, 'accepted', JSON.stringify(e));
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await query(`INSERT INTO bench_plain VALUES ${rows.join(', ')}`, params);
  }
  return performance.now() - started;
}

const perSecond = (events: number, ms: number) => events / (ms / 1000);

async function benchPostgres(): Promise<Record<string, Figure>> {
  const schema = freshSchemaName('bench_push');
  const env = { DATABASE_URL: POSTGRES, DATABASE_SCHEMA: schema, LOG_LEVEL: 'info', DESK_TOKENS: 'deskA=tA,deskB=tB,deskC=tC,deskD=tD' };
  const server = await startChildServer(env);
  const client = new pg.Client({ connectionString: POSTGRES, options: `-c search_path=${schema}` });
  try {
    const events = lifecycles('deskA', EVENTS);
    const bodies = batches(events, BATCH).map((b) => JSON.stringify({ events: b }));
    const ms = await pushAll(server, 'tA', bodies);
    if ((await head(server)) !== EVENTS) throw new Error('the log does not hold every pushed event');

    const desks = ['deskA', 'deskB', 'deskC', 'deskD'] as const;
    const perDesk = desks.map((d) => batches(lifecycles(d, EVENTS / desks.length), BATCH).map((b) => JSON.stringify({ events: b })));
    const started = performance.now();
    await Promise.all(perDesk.map((bodiesOf, i) => pushAll(server, `t${desks[i]?.slice(-1)}`, bodiesOf)));
    const concurrentMs = performance.now() - started;
    if ((await head(server)) !== 2 * EVENTS) throw new Error('the log does not hold every pushed event');

    await client.connect();
    const baseMs = await plainInserts((sql, params) => client.query(sql, params), events);
    const base = perSecond(EVENTS, baseMs);
    return {
      'push.http.postgres': figure(perSecond(EVENTS, ms), 'events/s', base,
        `${EVENTS} events in ${bodies.length} pushes of ${BATCH}, one desk, ${(ms / 1000).toFixed(1)} s; baseline: plain multi-row INSERT of the same rows into a bare table; target >= 5000`),
      'push.http.postgres.4-desks': figure(perSecond(EVENTS, concurrentMs), 'events/s', base,
        `${EVENTS} more events, four desks pushing at once, ${(concurrentMs / 1000).toFixed(1)} s`),
    };
  } finally {
    await client.end().catch(() => undefined);
    await server.stop('SIGTERM');
    await dropSchema(POSTGRES, schema);
  }
}

async function benchPglite(): Promise<Record<string, Figure>> {
  const root = await mkdtemp(join(tmpdir(), 'kvikdesk-bench-'));
  const server = await startChildServer({ PGLITE_DIR: join(root, 'server'), LOG_LEVEL: 'info', DESK_TOKENS: 'deskA=tA' });
  let plain: Database | undefined;
  try {
    const events = lifecycles('deskA', EVENTS);
    const bodies = batches(events, BATCH).map((b) => JSON.stringify({ events: b }));
    const ms = await pushAll(server, 'tA', bodies);
    if ((await head(server)) !== EVENTS) throw new Error('the log does not hold every pushed event');
    plain = await openPglite({ dataDir: join(root, 'plain') });
    const db = plain;
    const baseMs = await plainInserts((sql, params) => db.query(sql, params), events);
    return {
      'push.http.pglite': figure(perSecond(EVENTS, ms), 'events/s', perSecond(EVENTS, baseMs),
        `${EVENTS} events, one desk, ${(ms / 1000).toFixed(1)} s; baseline: plain multi-row INSERT into PGlite (in the bench process)`),
    };
  } finally {
    await server.stop('SIGTERM');
    await plain?.close();
    await rm(root, { recursive: true, force: true });
  }
}

export const part: BenchPart = {
  name: 'push',
  async run() {
    return { ...(await benchPostgres()), ...(await benchPglite()) };
  },
};
