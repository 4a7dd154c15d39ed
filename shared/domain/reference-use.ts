import type { Device } from './device';
import type { DeviceEvent } from './event';

/** The reference tables whose rows devices and events name, and which are deactivated rather than deleted. */
export const deactivatableTables = ['departments', 'locations', 'models'] as const;
export type DeactivatableTable = (typeof deactivatableTables)[number];

export function isDeactivatable(table: string): table is DeactivatableTable {
  return (deactivatableTables as readonly string[]).includes(table);
}

/** Absent means active: rows from before the flag existed stay choosable. */
export function isActive(row: { active?: boolean | undefined }): boolean {
  return row.active !== false;
}

/**
 * What a picker offers: the active rows, and the one already chosen even when it has since been
 * deactivated (a batch started before keeps showing its model by name).
 */
export function choosable<T extends { id: string; active?: boolean | undefined }>(rows: readonly T[], chosen?: string): T[] {
  return rows.filter((row) => isActive(row) || row.id === chosen);
}

/** The ids of `table` a device names now. */
export function namedByDevice(table: DeactivatableTable, device: Pick<Device, 'model' | 'location' | 'holder'>): string[] {
  const named = table === 'models' ? device.model : table === 'locations' ? device.location : device.holder?.department;
  return named === undefined ? [] : [named];
}

/** The ids of `table` an event names: what its history shows by name. */
export function namedByEvent(table: DeactivatableTable, event: DeviceEvent): string[] {
  const named: Array<string | undefined> = [];
  const set = event.type === 'corrected' ? event.data.set : undefined;
  if (table === 'models') {
    if (event.type === 'received' || event.type === 'imported') named.push(event.data.model);
    named.push(set?.model);
  } else if (table === 'locations') {
    named.push(event.location, set?.location);
    if (event.type === 'imported') named.push(event.data.location);
    if (event.type === 'moved') named.push(event.data.to);
    if (event.type === 'transfer_sent') named.push(event.data.from, event.data.to);
  } else {
    if (event.type === 'handed_out') named.push(event.data.department);
    if (event.type === 'imported') named.push(event.data.holder?.department);
    if (event.type === 'receipt') named.push(event.data.employee.department);
    named.push(set?.holder?.department);
  }
  return [...new Set(named.filter((id): id is string => id !== undefined))];
}

/**
 * How many devices name a reference row, and — only when none does, since reading the log takes
 * a while on a big store — how many events.
 */
export interface ReferenceUse {
  devices: number;
  events?: number;
}

/**
 * Whether a row may be deleted: only when nothing names it. A row in use is refused with the
 * count and offered for deactivation instead, so no device or history loses the name it shows.
 */
export type RemoveVerdict = { kind: 'delete' } | { kind: 'deactivate'; use: ReferenceUse };

export function removeVerdict(use: ReferenceUse): RemoveVerdict {
  return use.devices === 0 && !use.events ? { kind: 'delete' } : { kind: 'deactivate', use };
}
