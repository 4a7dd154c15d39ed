import type { Device } from '../domain/device';
import { kindLabels, statusLabels } from '../reports/labels';
import type { ReportTable } from '../reports/tables';
import { daysInStatus, type FilterNames } from './device-filter';

/** One device as the register lists it: the screen, the printout and the CSV export read these rows. */
export interface RegisterRow {
  key: string;
  identifier: string;
  assetTag: string | undefined;
  /** The paired SIM card's ICCID, if any (a phone handed out with one). */
  sim: string | undefined;
  kind: Device['kind'];
  model: string | undefined;
  status: Device['status'];
  location: string | undefined;
  holder: string | undefined;
  department: string | undefined;
  daysInStatus: number;
}

/** The names a row shows instead of ids: the text search's names and the locations'. */
export interface RegisterNames extends FilterNames {
  location(id: string): string | undefined;
  department(id: string): string | undefined;
}

/** The identifier a person reads off the device: its IMEI, else its serial, else its key. */
export function deviceIdentifier(device: Pick<Device, 'imei' | 'serial' | 'key'>): string {
  return device.imei ?? device.serial ?? device.key;
}

export function registerRow(device: Device, names: RegisterNames, nowMs: number): RegisterRow {
  const id = (name: string | undefined, id: string | undefined) => name ?? id;
  return {
    key: device.key,
    identifier: deviceIdentifier(device),
    assetTag: device.assetTag,
    sim: device.sim,
    kind: device.kind,
    model: device.model && id(names.model(device.model), device.model),
    status: device.status,
    location: device.location && id(names.location(device.location), device.location),
    holder: device.holder && id(names.employee(device.holder.employeeId), device.holder.employeeId),
    department: device.holder && id(names.department(device.holder.department), device.holder.department),
    daysInStatus: daysInStatus(device, nowMs),
  };
}

/** The register's devices as a table: one definition for the screen's columns, the A4 print and the CSV. */
export function registerTable(rows: readonly RegisterRow[]): ReportTable<RegisterRow> {
  return {
    id: 'register',
    title: { da: 'Enheder', en: 'Devices' },
    columns: [
      { key: 'identifier', label: { da: 'IMEI / serienummer', en: 'IMEI / serial' }, type: 'text' },
      { key: 'assetTag', label: { da: 'Inventarnr.', en: 'Asset tag' }, type: 'text' },
      { key: 'kind', label: { da: 'Type', en: 'Kind' }, type: 'text', values: kindLabels },
      { key: 'model', label: { da: 'Model', en: 'Model' }, type: 'text' },
      { key: 'status', label: { da: 'Status', en: 'Status' }, type: 'text', values: statusLabels },
      { key: 'location', label: { da: 'Lokation', en: 'Location' }, type: 'text' },
      { key: 'holder', label: { da: 'Medarbejder', en: 'Employee' }, type: 'text' },
      { key: 'department', label: { da: 'Forvaltning', en: 'Department' }, type: 'text' },
      { key: 'sim', label: { da: 'SIM (ICCID)', en: 'SIM (ICCID)' }, type: 'text' },
      { key: 'daysInStatus', label: { da: 'Dage i status', en: 'Days in status' }, type: 'integer' },
    ],
    rows,
  };
}
