import type { FleetDevice } from './fleet-device';
import type { Employee, Model } from '../domain/reference';
import { indexReference } from '../import/device-row';
import { daysBetween, localDayOf, type LocalDate } from '../reports/calendar';
import { compareText } from '../reports/order';
import { defaultReportSettings, type ReportSettings } from '../reports/settings';
import type { IntuneRow } from './intune-file';
import { inService } from './replacement';

/**
 * The register against Intune: which devices Intune manages that the register does not know,
 * which handed-out devices Intune has not seen (the unused ones), where the two disagree on who
 * holds a device or what it is, and which devices the register has disposed of or lost while
 * Intune still lets them in (a security risk to act on now). Matched by IMEI, then serial.
 */

/** A handed-out device Intune has never seen, or not within the check-in limit. */
export interface UnusedDevice {
  key: string;
  reason: 'absent' | 'stale';
  /** Days since Intune last saw it (stale only; missing when Intune gave no date). */
  daysSinceCheckIn?: number;
  intune?: IntuneRow;
}

export interface Difference {
  field: 'holder' | 'model';
  /** The register's employee id or model id. */
  register?: string;
  /** What Intune says: the employee or model id it names, or its own text when it names none we know. */
  intune?: string;
}

export interface DifferingDevice {
  key: string;
  intune: IntuneRow;
  differences: Difference[];
}

export interface RetiredButEnrolled {
  key: string;
  status: 'disposed' | 'lost';
  intune: IntuneRow;
}

export interface Reconciliation {
  onlyInIntune: IntuneRow[];
  unused: UnusedDevice[];
  differing: DifferingDevice[];
  retiredButEnrolled: RetiredButEnrolled[];
  /** Intune lines matched to a register device. */
  matched: number;
}

export interface ReconcileReference {
  models: readonly Model[];
  employees: readonly Employee[];
}

/** The devices by IMEI and serial, each to its place in `all`: what a line matched is kept by that place, not in a map by key. */
function matcher(devices: Iterable<FleetDevice>) {
  const byImei = new Map<string, number>();
  const bySerial = new Map<string, number>();
  const all: FleetDevice[] = [];
  for (const device of devices) {
    const at = all.push(device) - 1;
    if (device.imei) byImei.set(device.imei, at);
    if (device.imei2) byImei.set(device.imei2, at);
    if (device.serial) bySerial.set(device.serial.toUpperCase(), at);
  }
  return { all, find: (row: IntuneRow) => (row.imei !== undefined ? byImei.get(row.imei) : undefined) ?? (row.serial !== undefined ? bySerial.get(row.serial) : undefined) };
}

const byKey = (a: { key: string }, b: { key: string }) => compareText(a.key, b.key);

const later = (a: IntuneRow, b: IntuneRow) => ((b.lastCheckIn ?? '') > (a.lastCheckIn ?? '') ? b : a);

export function reconcileWithIntune(
  devices: Iterable<FleetDevice>,
  intuneRows: readonly IntuneRow[],
  now: Date | number,
  reference: ReconcileReference = { models: [], employees: [] },
  settings: Pick<ReportSettings, 'intuneCheckInDays' | 'timeZone'> = defaultReportSettings,
): Reconciliation {
  const { all, find } = matcher(devices);
  const index = memoized(indexReference({ ...reference, locations: [], departments: [] }));
  const today: LocalDate = localDayOf(typeof now === 'number' ? now : now.getTime(), settings.timeZone);
  // Days since a check-in, once per day named: an export holds a few hundred days over 100,000 lines.
  const daysSince = new Map<LocalDate, number>();
  const sinceCheckIn = (day: LocalDate) => {
    let days = daysSince.get(day);
    if (days === undefined) daysSince.set(day, (days = daysBetween(day, today)));
    return days;
  };
  // A device re-enrolled shows twice in Intune; its latest check-in is the one that says it is used.
  const seen: Array<IntuneRow | undefined> = new Array(all.length);
  const onlyInIntune: IntuneRow[] = [];
  for (const row of intuneRows) {
    const at = find(row);
    if (at === undefined) onlyInIntune.push(row);
    else {
      const before = seen[at];
      seen[at] = before ? later(before, row) : row;
    }
  }
  const result: Reconciliation = { onlyInIntune, unused: [], differing: [], retiredButEnrolled: [], matched: intuneRows.length - onlyInIntune.length };
  // Each list in key order: a device adds at most one entry to each, so they are sorted at the end
  // rather than the whole fleet first.
  for (let at = 0; at < all.length; at++) {
    const device = all[at]!;
    const intune = seen[at];
    if (device.status === 'disposed' || device.status === 'lost') {
      if (intune) result.retiredButEnrolled.push({ key: device.key, status: device.status, intune });
      continue;
    }
    if (device.status === 'assigned') {
      if (!intune) result.unused.push({ key: device.key, reason: 'absent' });
      else if (!intune.lastCheckIn) result.unused.push({ key: device.key, reason: 'stale', intune });
      else {
        const days = sinceCheckIn(intune.lastCheckIn);
        if (days > settings.intuneCheckInDays) result.unused.push({ key: device.key, reason: 'stale', daysSinceCheckIn: days, intune });
      }
    }
    if (intune && inService(device)) {
      const differences = differencesOf(device, intune, index);
      if (differences.length > 0) result.differing.push({ key: device.key, intune, differences });
    }
  }
  for (const list of [result.unused, result.differing, result.retiredButEnrolled]) list.sort(byKey);
  return result;
}

interface NameIndex {
  employee(text: string): string | undefined;
  model(text: string, manufacturer: string): string | undefined;
}

/** The reference found by Intune's texts, each text folded and looked up once: an export names a few dozen models over 100,000 lines. */
function memoized(index: ReturnType<typeof indexReference>): NameIndex {
  const employees = new Map<string, string | undefined>();
  // By maker, then model: no key joined per line.
  const models = new Map<string, Map<string, string | undefined>>();
  return {
    employee(text) {
      if (!employees.has(text)) employees.set(text, index.employee(text)?.id);
      return employees.get(text);
    },
    model(text, manufacturer) {
      let ofMaker = models.get(manufacturer);
      if (!ofMaker) models.set(manufacturer, (ofMaker = new Map()));
      if (!ofMaker.has(text)) ofMaker.set(text, index.model(text, manufacturer)?.id);
      return ofMaker.get(text);
    },
  };
}

function differencesOf(device: FleetDevice, intune: IntuneRow, index: NameIndex): Difference[] {
  const differences: Difference[] = [];
  if (device.status === 'assigned' && device.holder) {
    const user = intune.user ? (index.employee(intune.user) ?? intune.user) : undefined;
    if (user !== device.holder.employeeId) differences.push({ field: 'holder', register: device.holder.employeeId, ...(user ? { intune: user } : {}) });
  }
  if (intune.model && device.model) {
    const model = index.model(intune.model, intune.manufacturer ?? '') ?? intune.model;
    if (model !== device.model) differences.push({ field: 'model', register: device.model, intune: model });
  }
  return differences;
}
