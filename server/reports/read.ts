import type { Device, DeviceStatus } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import type { CentralReportData } from '../../shared/reports/central';
import type { Queryable } from '../db/database';
import { readReference } from '../reference/read';

/** Which devices to read besides the touched ones (`untouchedThatCount`). */
export interface DeviceSelection {
  statuses: readonly DeviceStatus[];
  location?: string;
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
       WHERE (status = ANY($2::text[]) AND ($3::text IS NULL OR device->>'location' = $3::text)) OR key IN (${touchedSince})`,
      [fromMs, [...selection.statuses], selection.location ?? null],
    ),
    readReference(db),
  ]);
  // Stored events passed the event schema when they were pushed: taken as they are, like a pull.
  const events = new Map<string, DeviceEvent[]>();
  for (const row of eventRows) if (Array.isArray(row.events)) events.set(String(row.device_key), row.events as DeviceEvent[]);
  // The projections are the server's own, written by `apply` after the schema check: taken as they
  // are (parsing tens of thousands of them again per question is most of a report's time).
  const devices = deviceRows.map((row) => row.device as Device);
  return { devices, events, models: reference.models, departments: reference.departments, employees: reference.employees };
}
