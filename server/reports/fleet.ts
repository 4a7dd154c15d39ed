import type { DeviceKey, DeviceStatus, StockStatus } from '../../shared/domain/device';
import { fleetStatusOf, type FleetDevice } from '../../shared/fleet/fleet-device';
import type { ShelfNow } from '../../shared/fleet/unused';
import type { Queryable } from '../db/database';
import { arraysOf, msOf } from './rows';

/**
 * What the fleet reports read at the centre (`shared/fleet/central-fleet.ts`): every device's
 * projection as the fleet reports read it, and for the unused devices the shelf spans still open
 * with the department each device was last held by. Plain rows of the fields alone (`arraysOf`):
 * 100,000 of them come in ~240 ms, where one `json_agg` document of the same took ~460.
 */

type FleetTuple = [string, DeviceStatus, string | null, string | null, string | null, string | null, number | string | null, string | null, string | null, string | null];

export async function readFleetDevices(db: Queryable): Promise<FleetDevice[]> {
  const tuples = arraysOf(
    await db.query(
      `SELECT key, status, device->>'model' AS model, device->'holder'->>'employeeId' AS employee, device->'holder'->>'department' AS department,
         device->>'purchaseDate' AS purchase_date, device->>'purchasePrice' AS purchase_price, device->>'imei' AS imei, device->>'imei2' AS imei2, device->>'serial' AS serial
       FROM devices`,
    ),
  ) as FleetTuple[];
  return tuples.map(([key, status, model, employeeId, department, purchaseDate, purchasePrice, imei, imei2, serial]) => {
    const device: FleetDevice = { key, status: fleetStatusOf(status) };
    if (model !== null) device.model = model;
    if (employeeId !== null && department !== null) device.holder = { employeeId, department };
    if (purchaseDate !== null) device.purchaseDate = purchaseDate;
    if (purchasePrice !== null) device.purchasePrice = Number(purchasePrice);
    if (imei !== null) device.imei = imei;
    if (imei2 !== null) device.imei2 = imei2;
    if (serial !== null) device.serial = serial;
    return device;
  });
}

export interface ShelfRead {
  shelf: ShelfNow[];
  /** The department that held each shelf device last (none for one never handed out). */
  lastDepartments: Map<DeviceKey, string>;
}

/**
 * The open shelf spans (`report_rows` part `s`, ending at ∞) and, for each of their devices, the
 * department of its latest closed holding (as the desk's fleet packs keep it), found per device by
 * `report_rows_by_device`.
 */
export async function readShelfNow(db: Queryable): Promise<ShelfRead> {
  const tuples = arraysOf(
    await db.query(
      `SELECT s.device_key, s.place, s.status, s.since_ms, last.department
     FROM report_rows s
     LEFT JOIN LATERAL (
       SELECT department FROM report_rows h WHERE h.device_key = s.device_key AND h.part = 'h' AND h.end_ms < 'Infinity'::double precision ORDER BY h.end_ms DESC LIMIT 1
     ) last ON true
     WHERE s.part = 's' AND s.end_ms = 'Infinity'::double precision`,
    ),
  ) as Array<[string, string, StockStatus, number | string, string | null]>;
  const shelf: ShelfNow[] = [];
  const lastDepartments = new Map<DeviceKey, string>();
  for (const [deviceKey, place, status, since, department] of tuples) {
    shelf.push({ deviceKey, location: place === '' ? null : place, status, sinceMs: msOf(since) });
    if (department !== null) lastDepartments.set(deviceKey, department);
  }
  return { shelf, lastDepartments };
}

/** The fleet's devices with the last department of each one nobody holds now. */
export function withLastDepartments(devices: readonly FleetDevice[], lastDepartments: ReadonlyMap<DeviceKey, string>): FleetDevice[] {
  return devices.map((device) => {
    const department = device.status === 'assigned' ? undefined : lastDepartments.get(device.key);
    return department === undefined ? device : { ...device, lastDepartment: department };
  });
}
