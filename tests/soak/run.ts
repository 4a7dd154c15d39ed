import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedEvents } from '../../shared/lifecycle/transitions';
import { undoLastAction } from '../../renderer/desk/undo';
import { openDb } from '../../renderer/store/open';
import { recordEvent } from '../../renderer/store/record';
import { createSyncClient, type FetchLike } from '../../renderer/sync/client';
import { isOpen, listConflicts, resolveConflict } from '../../renderer/sync/conflicts';
import { createSyncEngine } from '../../renderer/sync/engine';
import { SyncError } from '../../renderer/sync/sync-error';
import { faultKinds, faultyFetch, seededRandom, type FaultCounts } from '../property/faulty-network';
import { eventFor } from '../support/sync-desk';
import { checkEpoch, type Audit } from './check';
import { serverProcess } from './server-process';
import type { SoakDesk } from './soak-desk';

/**
 * `npm run soak` — outside CI. Desks with the real engine (each its own store over
 * fake-indexeddb) record actions on shared devices and sync, side by side, with a server process
 * on PostgreSQL between them, while the network drops requests and answers, repeats requests and
 * answers 503, and the server is SIGKILLed and restarted. Every epoch ends with the network healed
 * and every desk synced, then checks: every action any desk recorded is on the server exactly
 * once (0 lost, 0 doubled), and every desk shows exactly the server's devices. Then the desks start
 * again from empty stores and bootstrap while the others already push (a new desk joining).
 *
 *   SOAK_ACTIONS=1000000 SOAK_DESKS=10 npm run soak
 *
 * Settings (environment): SOAK_ACTIONS (1,000,000), SOAK_DESKS (10), SOAK_EPOCH actions per
 * epoch (50,000), SOAK_FAULT_RATE of requests (0.05), SOAK_KILL_EVERY_S (45), SOAK_SEED,
 * DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; a fresh schema per run, dropped after
 * unless SOAK_KEEP=1). Figures go to bench/soak.json.
 */
const env = process.env;
const ACTIONS = Number(env.SOAK_ACTIONS ?? 1_000_000);
const DESKS = Number(env.SOAK_DESKS ?? 10);
const EPOCH = Math.min(Number(env.SOAK_EPOCH ?? 50_000), ACTIONS);
const FAULT_RATE = Number(env.SOAK_FAULT_RATE ?? 0.05);
const KILL_EVERY_MS = Number(env.SOAK_KILL_EVERY_S ?? 45) * 1000;
const SEED = Number(env.SOAK_SEED ?? Date.now() % 1_000_000);
const DATABASE_URL = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `soak_${Date.now().toString(36)}`;
const here = dirname(fileURLToPath(import.meta.url));
const random = seededRandom(SEED);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const startedAt = new Date();
const clock = performance.now();
const tokenFor = (deskId: string) => `soak-token-${deskId}`;
const deskIds = Array.from({ length: DESKS }, (_, i) => `soak-desk${i}`);
const server = serverProcess({
  port: await freePort(),
  env: {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    DESK_TOKENS: [...deskIds, 'soak-auditor'].map((id) => `${id}=${tokenFor(id)}`).join(','),
  },
  logFile: resolve(here, '../../.data/soak-server.log'),
});

const faults: FaultCounts = { requests: 0, byKind: Object.fromEntries(faultKinds.map((k) => [k, 0])) as FaultCounts['byKind'] };
const totals = { recorded: 0, refusedLocally: 0, undos: 0, resolved: 0, syncs: 0, failedSyncs: 0, epochs: 0, actMs: 0, syncMs: 0, resolveMs: 0 };
const audit: Audit = { lost: 0, doubled: 0, desksUnequal: 0, logEvents: 0, conflicts: 0, devices: 0, checkedSeq: 0, recordedTotal: 0 };

// The pool of devices moves on slowly: most actions land on recent devices, which every desk
// touches (the conflicts), and old devices retire as new ones arrive.
const WINDOW = 400;
let newest = WINDOW;
function pickKey(): string {
  if (random() < 0.05) newest += 1;
  const index = Math.max(0, newest - Math.floor(random() * random() * WINDOW));
  return `imei:35${String(index).padStart(13, '0')}`;
}

let serverDown = false;
const toServer: FetchLike = async (url, init) =>
  serverDown
    ? new Response('{"error":{"code":"unavailable","message":"soak: 503"}}', { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '0' } })
    : fetch(url, init);
const network = faultyFetch(toServer, { random, rate: FAULT_RATE, setUnavailable: (down) => void (serverDown = down), counts: faults });
let faultsOn = true;
const deskFetch: FetchLike = (url, init) => (faultsOn ? network.fetch(url, init) : toServer(url, init));

async function openDesk(deskId: string, epoch: number): Promise<SoakDesk> {
  const db = await openDb(`soak-${process.pid}-${deskId}-e${epoch}`);
  const client = createSyncClient({ serverUrl: server.url, token: tokenFor(deskId), fetch: deskFetch, timeoutMs: 30_000 });
  return { id: deskId, ctx: { deskId, operator: `op-${deskId}`, location: 'LAGER' }, db, engine: createSyncEngine({ db, client }), recorded: [] };
}

async function act(desk: SoakDesk): Promise<void> {
  const started = performance.now();
  try {
    await actOnce(desk);
  } finally {
    totals.actMs += performance.now() - started;
  }
}

async function actOnce(desk: SoakDesk): Promise<void> {
  const roll = random();
  let result;
  if (roll < 0.03) {
    result = await undoLastAction(desk.db, desk.ctx, 'soak: fortrudt');
    if (result.ok) totals.undos += 1;
  } else if (roll < 0.032) {
    const resolveStarted = performance.now();
    const open = (await listConflicts(desk.db)).filter(isOpen);
    const target = open[Math.floor(random() * open.length)];
    if (!target) return;
    result = await resolveConflict(desk.db, desk.ctx, target.conflict.eventId, { reason: 'soak: afstemt', ...(random() < 0.5 ? { status: 'returned' as const } : {}) });
    if (result.ok) totals.resolved += 1;
    totals.resolveMs += performance.now() - resolveStarted;
  } else {
    const key = pickKey();
    const shown = await desk.db.devices.get(key);
    const allowed = allowedEvents(shown?.status ?? 'none').filter((type) => type !== 'corrected');
    result = await recordEvent(desk.db, eventFor(desk.ctx, allowed[Math.floor(random() * allowed.length)] ?? 'received', key));
  }
  if (result.ok) {
    desk.recorded.push(result.event.id);
    totals.recorded += 1;
  } else totals.refusedLocally += 1;
}

async function sync(desk: SoakDesk): Promise<void> {
  totals.syncs += 1;
  const started = performance.now();
  try {
    const report = await desk.engine.sync();
    if (report.diverged > 0 || report.unreadable > 0) throw new Error(`${desk.id}: ${report.diverged} diverged, ${report.unreadable} unreadable`);
  } catch (error) {
    // Faults and kills make syncs fail; the next one goes on. Anything else is a finding.
    if (!(error instanceof SyncError) || !['network', 'retry'].includes(error.kind)) throw error;
    totals.failedSyncs += 1;
  } finally {
    totals.syncMs += performance.now() - started;
  }
}

async function deskLoop(desk: SoakDesk, budget: { left: number }): Promise<void> {
  let untilSync = between(5, 60);
  while (budget.left > 0) {
    budget.left -= 1;
    await act(desk);
    if (--untilSync <= 0) {
      await sync(desk);
      untilSync = between(5, 60);
    }
  }
}

/** SIGKILLs the server now and then while the epoch runs, and starts it again on the same port. */
function killer(): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      const wait = KILL_EVERY_MS * (0.5 + random());
      for (const until = Date.now() + wait; running && Date.now() < until; ) await sleep(200);
      if (!running) break;
      await server.kill();
      await sleep(between(200, 2000));
      await server.start();
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

function figures(failure: unknown, complete: boolean) {
  return {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((performance.now() - clock) / 1000),
    complete,
    settings: { actions: ACTIONS, desks: DESKS, epoch: EPOCH, faultRate: FAULT_RATE, killEverySeconds: KILL_EVERY_MS / 1000, seed: SEED },
    ...totals,
    serverRestarts: server.restarts,
    faults,
    ...audit,
    ok: failure === undefined && audit.lost === 0 && audit.doubled === 0 && audit.desksUnequal === 0 && audit.recordedTotal === totals.recorded,
  };
}

function writeFigures(result: ReturnType<typeof figures>): void {
  mkdirSync(resolve(here, '../../bench'), { recursive: true });
  writeFileSync(resolve(here, '../../bench/soak.json'), `${JSON.stringify(result, null, 2)}\n`);
}

async function runEpoch(epoch: number, actions: number): Promise<void> {
  const started = performance.now();
  const desks = await Promise.all(deskIds.map((id) => openDesk(id, epoch)));
  faultsOn = true;
  const kills = killer();
  const budget = { left: actions };
  await Promise.all(desks.map((desk) => deskLoop(desk, budget)));
  await kills.stop();
  faultsOn = false;
  serverDown = false;
  // The network heals: every desk syncs until nothing is left to push or pull.
  for (let round = 0; round < 3; round++) for (const desk of desks) await sync(desk);
  const before = { ...audit };
  await checkEpoch({ url: server.url, token: tokenFor('soak-auditor'), desks, deskIds, audit });
  totals.epochs += 1;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `epoch ${epoch}: ${actions} actions in ${seconds.toFixed(0)} s; log ${audit.logEvents} events, ${audit.devices} devices, ` +
      `lost ${audit.lost - before.lost}, doubled ${audit.doubled - before.doubled}, desks unequal ${audit.desksUnequal - before.desksUnequal}; ` +
      `restarts ${server.restarts}, faults ${faultKinds.map((k) => `${k} ${faults.byKind[k]}`).join(', ')}; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
  );
  for (const desk of desks) {
    desk.db.close();
    await desk.db.delete();
  }
  writeFigures(figures(undefined, false));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

console.log(`soak: ${ACTIONS} actions, ${DESKS} desks, epochs of ${EPOCH}, fault rate ${FAULT_RATE}, a kill every ~${KILL_EVERY_MS / 1000} s, seed ${SEED}, PostgreSQL schema ${schema}`);
mkdirSync(resolve(here, '../../.data'), { recursive: true });
await server.start();
let failure: unknown;
try {
  for (let epoch = 1, done = 0; done < ACTIONS; epoch++) {
    const actions = Math.min(EPOCH, ACTIONS - done);
    await runEpoch(epoch, actions);
    done += actions;
  }
} catch (error) {
  failure = error;
  console.error('soak stopped:', error);
} finally {
  await server.stop();
  if (env.SOAK_KEEP !== '1') await dropSchema(DATABASE_URL, schema).catch((error: unknown) => console.error('could not drop', schema, error));
}

const result = figures(failure, failure === undefined);
console.log(JSON.stringify(result, null, 2));
writeFigures(result);
process.exit(result.ok ? 0 : 1);

async function dropSchema(url: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
}
