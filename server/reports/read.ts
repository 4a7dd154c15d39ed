import type { Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import type { CentralReportData } from '../../shared/reports/central';
import type { Queryable } from '../db/database';
import { readReference } from '../reference/read';
import { toDevice } from '../sync/rows';

/**
 * What a central report is computed from, in ONE snapshot (a REPEATABLE READ transaction would be
 * stricter; one statement per part is what the desk's readonly transaction gives too, and the
 * parts are read back to back): every device projection, the accepted events of each device with
 * an event at or after `fromMs` (its whole history, in `seq` order: the order they were applied),
 * and the reference tables for names and prices. Conflicts are left out, as the projection left
 * them out.
 */
export async function readReportData(db: Queryable, fromMs: number): Promise<CentralReportData> {
  const [deviceRows, eventRows, reference] = await Promise.all([
    db.query('SELECT device FROM devices'),
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
  const devices: Device[] = deviceRows.map(toDevice);
  // Stored events passed the event schema when they were pushed: taken as they are, like a pull.
  const events = new Map<string, DeviceEvent[]>();
  for (const row of eventRows) {
    const key = String(row.device_key);
    const list = events.get(key);
    if (list) list.push(row.event as DeviceEvent);
    else events.set(key, [row.event as DeviceEvent]);
  }
  return { devices, events, models: reference.models, departments: reference.departments, employees: reference.employees };
}
