import type { Employee } from '../../shared/domain/reference';
import { employeeForScan } from '../../shared/employees/search';
import type { ParsedScan } from '../../shared/scan/parse';
import type { KvikDb, StoredDevice, StoredEvent } from './db';

/** The identifiers a parsed scan may be stored under (its value and any alternative spellings). */
export function scanIdentifiers(scan: ParsedScan): string[] {
  if (scan.kind === 'invalid' || scan.kind === 'command' || scan.kind === 'gtin' || scan.kind === 'employee' || scan.kind === 'request') return [];
  const alternatives = scan.kind === 'serial' ? (scan.alternatives ?? []) : [];
  return [scan.value, ...alternatives];
}

/** Finds a device by any identifier it carries (IMEI 1/2, serial, asset tag, Apple alternatives). */
export async function findDevice(db: KvikDb, identifiers: readonly string[]): Promise<StoredDevice | undefined> {
  // One exact index lookup per spelling (a scan has one or two): cheaper than an anyOf cursor.
  const found = await Promise.all(identifiers.map((id) => db.devices.where('identifiers').equals(id).first()));
  return found.find((device) => device !== undefined);
}

/** A device's history, newest first. */
export async function deviceHistory(db: KvikDb, deviceKey: string): Promise<StoredEvent[]> {
  return db.events
    .where('[deviceKey+at]')
    .between([deviceKey, ''], [deviceKey, '\uffff'])
    .reverse()
    .toArray();
}

/**
 * The employee a scanned card or badge names: the index finds the few whose id or badge number
 * match, ignoring case; the shared rule picks among them (a badge by its number first).
 */
export async function findEmployee(db: KvikDb, scan: Extract<ParsedScan, { kind: 'employee' }>): Promise<Employee | undefined> {
  const candidates = await db.employees.where('id').equalsIgnoreCase(scan.value).or('badge').equalsIgnoreCase(scan.value).toArray();
  return employeeForScan(candidates, scan);
}
