import type { Device, DeviceStatus } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import { fleetToRead, readPostedExport, type CentralFleetQuery, type PostedIntuneFile } from '../../shared/fleet/central-fleet';
import { digestsToRead, evidenceToRead, isFleetQuery, logToReplay, type CentralReportData, type CentralReportQuery } from '../../shared/reports/central';
import type { LocalDate } from '../../shared/reports/calendar';
import { defaultReportSettings, type ReportSettings } from '../../shared/reports/settings';
import type { Database, Queryable } from '../db/database';
import { readReference } from '../reference/read';
import { readFleetDevices, readShelfNow, withLastDepartments } from './fleet';
import { readIntuneEvidence } from './intune-evidence';
import { ensureReportRows, readableEvents, readChargeRows, readHoldings, readMonthlyRows, readTrendRows } from './rows';

/**
 * What a central report is computed from (`centralReport`): the digests it sums from the report
 * rows (`rows.ts`: the department bill's holdings, the trend's spans, the month's handouts, marks
 * and spans, the quarter's charges) and the part of the log it still replays (`logToReplay`: the
 * daily report's day), read at once; on PostgreSQL over separate connections.
 */
export async function readCentralReportData(
  db: Database,
  query: CentralReportQuery,
  today: LocalDate,
  settings: ReportSettings = defaultReportSettings,
  intune?: PostedIntuneFile,
): Promise<CentralReportData> {
  await ensureReportRows(db);
  // The last export's evidence, unless the question brings its own export.
  const evidence = evidenceToRead(query) && !intune ? readIntuneEvidence(db) : undefined;
  if (isFleetQuery(query)) {
    const [data, kept] = await Promise.all([readFleetReportData(db, query, intune), evidence]);
    return kept === undefined ? data : { ...data, evidence: kept };
  }
  const digests = digestsToRead(query, today, settings);
  const replay = logToReplay(query, today, settings);
  const [log, holdings, trend, monthly, charges, kept] = await Promise.all([
    replay ? readReportData(db, replay.fromMs, replay.untouched) : readReferenceOnly(db),
    digests.holdings ? readHoldings(db, digests.holdings) : undefined,
    digests.trend ? readTrendRows(db, digests.trend) : undefined,
    digests.month ? readMonthlyRows(db, digests.month) : undefined,
    digests.charges ? readChargeRows(db, digests.charges) : undefined,
    evidence,
  ]);
  return {
    ...log,
    ...(holdings ? { holdings } : {}),
    ...(trend ? { trend } : {}),
    ...(monthly ? { monthly } : {}),
    ...(charges ? { charges } : {}),
    ...(kept !== undefined ? { evidence: kept } : {}),
  };
}

/**
 * A fleet report's data: every device, the reference data, the shelf for the unused devices, the
 * posted export read. The reads are sent first and the export (~0.3 s for 100,000 lines) read
 * while PostgreSQL works on them: its part of the time runs beside the export's, not after it.
 */
async function readFleetReportData(db: Database, query: CentralFleetQuery, posted: PostedIntuneFile | undefined): Promise<CentralReportData> {
  const reading = Promise.all([readReference(db), readFleetDevices(db), fleetToRead(query).shelf ? readShelfNow(db) : undefined]);
  // Not left unhandled while the export is read.
  reading.catch(() => {});
  const intune = posted ? await onceSent(() => readPostedExport(posted)) : undefined;
  const [reference, devices, shelf] = await reading;
  const fleet = {
    devices: shelf ? withLastDepartments(devices, shelf.lastDepartments) : devices,
    locations: reference.locations,
    ...(shelf ? { shelf: shelf.shelf } : {}),
    ...(intune ? { intune } : {}),
  };
  return { devices: [], events: new Map(), models: reference.models, departments: reference.departments, employees: reference.employees, fleet };
}

/** `work` after the event loop has turned once: queries just issued are on their way to PostgreSQL by then. */
function onceSent<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

async function readReferenceOnly(db: Queryable): Promise<CentralReportData> {
  const reference = await readReference(db);
  return { devices: [], events: new Map(), models: reference.models, departments: reference.departments, employees: reference.employees };
}

/** Which devices to read besides the touched ones (`untouchedThatCount`). */
export interface DeviceSelection {
  statuses: readonly DeviceStatus[];
  location?: string;
}

/**
 * The untouched devices that can count (`$2` the statuses, `$3` the location when there is one):
 * by migration 013's index on status and location; two texts so the plan fits each.
 */
export function untouchedCondition(selection: DeviceSelection): string {
  return selection.location === undefined ? 'status = ANY($2::text[])' : "status = ANY($2::text[]) AND device->>'location' = $3::text";
}

/**
 * The devices with an accepted event at or after `$1` (ms): found from the index of migration 011
 * (`event_instant`, the event's `at`), not by casting every event's `at` in the log.
 */
const touchedSince = `SELECT DISTINCT device_key FROM events
  WHERE status = 'accepted' AND event_instant(event) >= to_timestamp($1::double precision / 1000)`;

/**
 * What a central report is computed from: the accepted events of each device with an event at or
 * after `fromMs` (its whole history, in `seq` order: the order they were applied), the
 * projections of those devices and of the untouched ones that can count (`selection`), and the
 * reference tables for names and prices. Conflicts are left out, as the projection left them out.
 * The three reads go at once (each finds the touched devices itself, from the index): on
 * PostgreSQL over separate connections, on PGlite one after another.
 */
export async function readReportData(db: Queryable, fromMs: number, selection: DeviceSelection): Promise<CentralReportData> {
  const [eventRows, deviceRows, reference] = await Promise.all([
    // Each touched device's events as one array, fetched by `events_by_device` (the lateral join
    // asks the index per device): no pass over the whole log for a day's report, no sort of the
    // events themselves, and one row per device to parse.
    db.query(
      `SELECT touched.device_key, history.events
       FROM (${touchedSince} ORDER BY device_key) touched
       CROSS JOIN LATERAL (
         SELECT json_agg(event ORDER BY seq) AS events FROM events
         WHERE events.device_key = touched.device_key AND status = 'accepted'
       ) history
       ORDER BY touched.device_key`,
      [fromMs],
    ),
    db.query(
      `SELECT device FROM devices
       WHERE (${untouchedCondition(selection)}) OR key IN (${touchedSince})`,
      [fromMs, [...selection.statuses], ...(selection.location === undefined ? [] : [selection.location])],
    ),
    readReference(db),
  ]);
  // Stored events passed the event schema when they were pushed: taken as they are, like a pull.
  const events = new Map<string, DeviceEvent[]>();
  for (const row of eventRows) if (Array.isArray(row.events)) events.set(String(row.device_key), readableEvents(row.events as DeviceEvent[]));
  // The projections are the server's own, written by `apply` after the schema check: taken as they
  // are (parsing tens of thousands of them again per question is most of a report's time).
  const devices = deviceRows.map((row) => row.device as Device);
  return { devices, events, models: reference.models, departments: reference.departments, employees: reference.employees };
}
