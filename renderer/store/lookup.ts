import type { ParsedScan } from '../../shared/scan/parse';
import type { KvikDb, StoredDevice, StoredEvent } from './db';

/** The identifiers a parsed scan may be stored under (its value and any alternative spellings). */
export function scanIdentifiers(scan: ParsedScan): string[] {
  if (scan.kind === 'invalid' || scan.kind === 'command' || scan.kind === 'gtin' || scan.kind === 'employee') return [];
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
