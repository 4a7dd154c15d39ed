import { expect } from 'vitest';
import type { KvikDb, StoredEvent } from '../../renderer/store/db';
import { isFleetPack, isHoldingPack, unpackFleet, unpackHoldings } from '../../renderer/store/holding-packs';
import type { FleetDevice } from '../../shared/fleet/fleet-device';
import { fleetDevicesOf, rowsOfDevice, STATE_ID, type ReportRow } from '../../renderer/store/report-rows';

/** Every report row the store holds, by id (the state row left out, the packed open holdings unpacked). */
export async function storedReportRows(db: KvikDb): Promise<ReportRow[]> {
  const rows = (await db.reportRows.orderBy('id').toArray()).flatMap((row) =>
    isHoldingPack(row) ? unpackHoldings(row) : isFleetPack(row) || row.id === STATE_ID ? [] : [row as ReportRow],
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The rows a rebuild from the whole log would write: every device's, from its projection and all its events. */
export async function freshReportRows(db: KvikDb): Promise<ReportRow[]> {
  const [devices, events] = await Promise.all([db.devices.toArray(), db.events.orderBy('[deviceKey+at]').toArray()]);
  const byKey = new Map<string, StoredEvent[]>();
  for (const device of devices) byKey.set(device.key, []);
  for (const event of events) {
    const list = byKey.get(event.deviceKey);
    if (list) list.push(event);
    else byKey.set(event.deviceKey, [event]);
  }
  const projections = new Map(devices.map((device) => [device.key, device]));
  const rows = [...byKey].flatMap(([key, list]) => rowsOfDevice(key, projections.get(key) ?? null, list));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The fleet reports' devices as the packs hold them, in key order. */
export async function storedFleetDevices(db: KvikDb): Promise<FleetDevice[]> {
  const devices = (await db.reportRows.orderBy('id').toArray()).flatMap((row) => (isFleetPack(row) ? unpackFleet(row) : []));
  return devices.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The store's report rows are exactly what a rebuild from its log would make, and its fleet packs its projections. */
export async function expectReportRowsFresh(db: KvikDb): Promise<void> {
  expect(await storedReportRows(db)).toEqual(await freshReportRows(db));
  expect(await storedFleetDevices(db)).toEqual(fleetDevicesOf(await freshReportRows(db), await db.devices.orderBy('key').toArray()));
}
