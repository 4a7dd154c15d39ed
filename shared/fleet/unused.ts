import type { DeviceKey, DeviceKind, StockStatus } from '../domain/device';
import type { Model } from '../domain/reference';
import { daysBetween, localDayOf, type LocalDate } from '../reports/calendar';
import type { StockSpan } from '../reports/device-digest';
import { sortedKeys } from '../reports/device-digest';
import { compareText } from '../reports/order';
import type { ReportSettings } from '../reports/settings';
import type { FleetDevice } from './fleet-device';

/**
 * "Unused and idle devices" (issue 13; the seeds' ~900 unused PCs): the devices that could be
 * handed out again. Two parts, each by department and, within it, by kind and model:
 *
 * - **idle on the shelf**: standing in stock now, in its current status more than `idleDays`
 *   calendar days — the daily report's idle rule, for every location. A device on the shelf has
 *   no holder; it counts under the department that held it last (the one that gave it back), or
 *   under none when it was never handed out.
 * - **handed out but unused**: the handed-out devices the last Intune reconciliation found absent
 *   or silent (`renderer/reports/intune-evidence.ts`), under their holder's department now. One
 *   handed back since the file was read is no longer unused: it is counted apart.
 */

/** A device's open shelf span: where it stands now and since when in its status. */
export type ShelfNow = Pick<StockSpan, 'deviceKey' | 'location' | 'status' | 'sinceMs'>;

export interface UnusedEvidence {
  /** The handed-out devices the file showed unused. */
  unused: readonly DeviceKey[];
  file: string;
  day: LocalDate;
}

export interface UnusedInputs {
  /** Every device now, as the fleet reports read it (with `lastDepartment`: none for one never handed out). */
  fleet: Iterable<FleetDevice>;
  /** The shelf spans still open (`toMs` = ∞): the devices in stock now. */
  shelf: readonly ShelfNow[];
  models: readonly Pick<Model, 'id' | 'kind'>[];
  /** The last reconciliation's evidence; null when none has been loaded. */
  evidence: UnusedEvidence | null;
}

/** `''`: no department (a shelf device never handed out), no kind (a device without a known model). */
interface Placed {
  deviceKey: DeviceKey;
  department: string;
  kind: DeviceKind | '';
  model: string;
}

export type IdleDevice = Placed & { location: string; status: StockStatus; sinceDay: LocalDate; daysIdle: number };
export type HandedOutUnused = Placed & { employeeId: string };

/** A department's devices of one kind and model. */
export interface UnusedGroup {
  department: string;
  kind: DeviceKind | '';
  model: string;
  count: number;
  keys: DeviceKey[];
  /** The longest a device of the group has stood idle (idle part only; 0 for the unused part). */
  longestDays: number;
}

export interface UnusedDepartment {
  department: string;
  idle: number;
  unused: number;
  total: number;
  idleKeys: DeviceKey[];
  unusedKeys: DeviceKey[];
}

export interface UnusedReport {
  today: LocalDate;
  idleDays: number;
  /** Longest idle first. */
  idle: IdleDevice[];
  idleGroups: UnusedGroup[];
  unused: HandedOutUnused[];
  unusedGroups: UnusedGroup[];
  departments: UnusedDepartment[];
  /** Which file and day the unused part rests on, and its devices no longer handed out; null when no file was loaded. */
  evidence: { file: string; day: LocalDate; listed: number; noLongerHandedOut: DeviceKey[] } | null;
}

export function unusedDevices(inputs: UnusedInputs, options: { today: LocalDate; settings: Pick<ReportSettings, 'idleDays' | 'timeZone'> }): UnusedReport {
  const { today, settings } = options;
  const { idleDays, timeZone } = settings;
  // Only the devices the two parts name are looked up: a shelf of ~20,000 and a few thousand unused, not the whole fleet in a map.
  const named = new Set<string>(inputs.evidence?.unused ?? []);
  for (const span of inputs.shelf) named.add(span.deviceKey);
  const fleet = new Map<string, FleetDevice>();
  for (const device of inputs.fleet) if (named.has(device.key)) fleet.set(device.key, device);
  const kinds = new Map(inputs.models.map((model) => [model.id, model.kind]));
  const placed = (deviceKey: DeviceKey, department: string): Placed => {
    const model = fleet.get(deviceKey)?.model ?? '';
    return { deviceKey, department, kind: kinds.get(model) ?? '', model };
  };

  const idle: IdleDevice[] = [];
  for (const span of inputs.shelf) {
    // A device the register does not hold (withdrawn, a bootstrap under way) is on no shelf to show.
    if (!fleet.has(span.deviceKey)) continue;
    const sinceDay = localDayOf(span.sinceMs, timeZone);
    const daysIdle = daysBetween(sinceDay, today);
    // The daily report's rule: more than `idleDays` calendar days in its status by today.
    if (daysIdle <= idleDays) continue;
    const department = fleet.get(span.deviceKey)?.lastDepartment ?? '';
    idle.push({ ...placed(span.deviceKey, department), location: span.location ?? '', status: span.status, sinceDay, daysIdle });
  }
  idle.sort((a, b) => b.daysIdle - a.daysIdle || compareText(a.deviceKey, b.deviceKey));

  const unused: HandedOutUnused[] = [];
  const noLongerHandedOut: DeviceKey[] = [];
  for (const key of new Set(inputs.evidence?.unused ?? [])) {
    const device = fleet.get(key);
    if (device?.status !== 'assigned' || !device.holder) noLongerHandedOut.push(key);
    else unused.push({ ...placed(key, device.holder.department), employeeId: device.holder.employeeId });
  }
  unused.sort((a, b) => compareText(a.department, b.department) || compareText(a.deviceKey, b.deviceKey));

  const idleGroups = groupsOf(idle, (device) => device.daysIdle);
  const unusedGroups = groupsOf(unused, () => 0);
  const departments = new Map<string, UnusedDepartment>();
  const departmentOf = (department: string) => {
    let row = departments.get(department);
    if (!row) departments.set(department, (row = { department, idle: 0, unused: 0, total: 0, idleKeys: [], unusedKeys: [] }));
    return row;
  };
  for (const group of idleGroups) departmentOf(group.department).idleKeys.push(...group.keys);
  for (const group of unusedGroups) departmentOf(group.department).unusedKeys.push(...group.keys);
  for (const row of departments.values()) {
    row.idleKeys = sortedKeys(row.idleKeys);
    row.unusedKeys = sortedKeys(row.unusedKeys);
    row.idle = row.idleKeys.length;
    row.unused = row.unusedKeys.length;
    row.total = row.idle + row.unused;
  }

  const { evidence } = inputs;
  return {
    today,
    idleDays,
    idle,
    idleGroups,
    unused,
    unusedGroups,
    departments: [...departments.values()].sort(byDepartment),
    evidence: evidence ? { file: evidence.file, day: evidence.day, listed: new Set(evidence.unused).size, noLongerHandedOut: sortedKeys(noLongerHandedOut) } : null,
  };
}

/** Departments in name order, the devices of none last. */
function byDepartment(a: { department: string }, b: { department: string }): number {
  return (a.department === '' ? 1 : 0) - (b.department === '' ? 1 : 0) || compareText(a.department, b.department);
}

function groupsOf<T extends Placed>(devices: readonly T[], days: (device: T) => number): UnusedGroup[] {
  const groups = new Map<string, UnusedGroup>();
  for (const device of devices) {
    const id = `${device.department}\u0000${device.kind}\u0000${device.model}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { department: device.department, kind: device.kind, model: device.model, count: 0, keys: [], longestDays: 0 }));
    group.count++;
    group.keys.push(device.deviceKey);
    group.longestDays = Math.max(group.longestDays, days(device));
  }
  return [...groups.values()]
    .map((group) => ({ ...group, keys: sortedKeys(group.keys) }))
    .sort((a, b) => byDepartment(a, b) || compareText(a.kind, b.kind) || compareText(a.model, b.model));
}
