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
 * What a central report is computed from: the accepted events of each device with an event at or
 * after `fromMs` (its whole history, in `seq` order: the order they were applied), the
 * projections of those devices and of the untouched ones that can count (`selection`), and the
 * reference tables for names and prices. Conflicts are left out, as the projection left them out.
 */
export async function readReportData(db: Queryable, fromMs: number, selection: DeviceSelection): Promise<CentralReportData> {
  const [eventRows, reference] = await Promise.all([
    db.query(
      `SELECT device_key, event FROM events
       WHERE status = 'accepted' AND device_key IN (
         SELECT DISTINCT device_key FROM events
         WHERE status = 'accepted' AND (event->>'at')::timestamptz >= to_timestamp($1::double precision / 1000)
       )
       ORDER BY device_key, seq`,
      [fromMs],
    ),
    readReference(db),
  ]);
  // Stored events passed the event schema when they were pushed: taken as they are, like a pull.
  const events = new Map<string, DeviceEvent[]>();
  for (const row of eventRows) {
    const key = String(row.device_key);
    const list = events.get(key);
    if (list) list.push(row.event as DeviceEvent);
    else events.set(key, [row.event as DeviceEvent]);
  }
  const deviceRows = await db.query(
    `SELECT device FROM devices
     WHERE (status = ANY($1::text[]) AND ($2::text IS NULL OR device->>'location' = $2::text)) OR key = ANY($3::text[])`,
    [[...selection.statuses], selection.location ?? null, [...events.keys()]],
  );
  // The projections are the server's own, written by `apply` after the schema check: taken as they
  // are (parsing tens of thousands of them again per question is most of a report's time).
  const devices = deviceRows.map((row) => row.device as Device);
  return { devices, events, models: reference.models, departments: reference.departments, employees: reference.employees };
}
