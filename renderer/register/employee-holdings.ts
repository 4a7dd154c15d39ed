import type { Employee } from '../../shared/domain/reference';
import type { KvikDb, StoredDevice } from '../store/db';

/** A device an employee held before: when it was handed out to them, and the device as it is now. */
export interface HeldBefore {
  deviceKey: string;
  since: string;
  device: StoredDevice | undefined;
}

export interface Holdings {
  now: StoredDevice[];
  before: HeldBefore[];
}

/**
 * What an employee holds now (the devices whose holder they are) and held before (every handout
 * to them, or imported row naming them, whose device they no longer hold), newest first. Both by
 * index.
 */
export async function employeeHoldings(db: KvikDb, employeeId: string): Promise<Holdings> {
  const [now, handouts, imported] = await Promise.all([
    db.devices.where('holder.employeeId').equals(employeeId).toArray(),
    db.events.where('data.employeeId').equals(employeeId).toArray(),
    db.events.where('data.holder.employeeId').equals(employeeId).toArray(),
  ]);
  const holding = new Set(now.map((device) => device.key));
  const latest = new Map<string, string>();
  for (const event of [...handouts, ...imported]) {
    if (event.type !== 'handed_out' && event.type !== 'imported') continue;
    if (holding.has(event.deviceKey)) continue;
    const seen = latest.get(event.deviceKey);
    if (!seen || seen < event.at) latest.set(event.deviceKey, event.at);
  }
  const keys = [...latest.keys()];
  const devices = await db.devices.bulkGet(keys);
  const before = keys.map((deviceKey, i) => ({ deviceKey, since: latest.get(deviceKey) ?? '', device: devices[i] }));
  before.sort((a, b) => (a.since < b.since ? 1 : -1));
  return { now, before };
}

/** Whether an employee matches a search: any part of their name, id, e-mail or department (id or name). */
export function employeeMatcher(text: string, departmentName: (id: string) => string | undefined): (employee: Employee) => boolean {
  const needle = text.trim().toLowerCase();
  return (employee) =>
    needle === '' ||
    [employee.name, employee.id, employee.email, employee.department, departmentName(employee.department)].some((part) => part?.toLowerCase().includes(needle));
}
