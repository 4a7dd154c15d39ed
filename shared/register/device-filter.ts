import { z } from 'zod';
import { deviceKeySchema, deviceKindSchema, deviceStatusSchema, isInStock, type Device } from '../domain/device';

/**
 * Which devices a register view shows: what the register screen's filters set, and what a report
 * figure links to ("the devices behind this number"). Every field narrows; an empty filter is
 * the whole register.
 */
export const deviceFilterSchema = z.object({
  statuses: z.array(deviceStatusSchema).max(20).optional(),
  kinds: z.array(deviceKindSchema).max(10).optional(),
  models: z.array(z.string().max(64)).max(200).optional(),
  locations: z.array(z.string().max(64)).max(200).optional(),
  /** The holder's department (forvaltning). */
  departments: z.array(z.string().max(64)).max(50).optional(),
  /** An employee id: what they hold now. */
  holder: z.string().max(64).optional(),
  /** In stock for at least this many days (idle). */
  idleDaysAtLeast: z.number().int().nonnegative().max(100_000).optional(),
  /** Exactly these devices: what a report figure counted. */
  keys: z.array(deviceKeySchema).max(100_000).optional(),
  /** Any part of an IMEI, serial, asset tag, model name or holder's name, as typed. */
  text: z.string().max(100).optional(),
  /** What the view is, in the words of the figure that opened it (shown as the view's title). */
  title: z.string().max(200).optional(),
});
export type DeviceFilter = z.infer<typeof deviceFilterSchema>;

/** The names a text search looks through besides the device's own identifiers. */
export interface FilterNames {
  model(id: string): string | undefined;
  employee(id: string): string | undefined;
}

const DAY_MS = 86_400_000;

/** Days a device has stood in its current status at `nowMs` (whole days, rounded down). */
export function daysInStatus(device: Pick<Device, 'statusSince'>, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(device.statusSince)) / DAY_MS));
}

/**
 * A predicate for `filter`, built once: a register of 100,000 devices is filtered device by
 * device, so each test is a set lookup or a substring search.
 */
export function deviceMatcher(filter: DeviceFilter, nowMs: number, names: FilterNames): (device: Device) => boolean {
  const set = <T extends string>(list: readonly T[] | undefined) => (list && list.length > 0 ? new Set<string>(list) : undefined);
  const statuses = set(filter.statuses);
  const kinds = set(filter.kinds);
  const models = set(filter.models);
  const locations = set(filter.locations);
  const departments = set(filter.departments);
  const keys = set(filter.keys);
  const text = filter.text?.trim().toLowerCase();
  return (device) => {
    if (keys && !keys.has(device.key)) return false;
    if (statuses && !statuses.has(device.status)) return false;
    if (kinds && !kinds.has(device.kind)) return false;
    if (models && !(device.model && models.has(device.model))) return false;
    if (locations && !(device.location && locations.has(device.location))) return false;
    if (departments && !(device.holder && departments.has(device.holder.department))) return false;
    if (filter.holder !== undefined && device.holder?.employeeId !== filter.holder) return false;
    if (filter.idleDaysAtLeast !== undefined && !(isInStock(device.status) && daysInStatus(device, nowMs) >= filter.idleDaysAtLeast))
      return false;
    if (text && !searchText(device, names).includes(text)) return false;
    return true;
  };
}

/** Everything a text search matches a device by, lower-cased. */
export function searchText(device: Device, names: FilterNames): string {
  const model = device.model ? [device.model, names.model(device.model)] : [];
  const holder = device.holder ? [device.holder.employeeId, names.employee(device.holder.employeeId)] : [];
  return [device.imei, device.imei2, device.serial, device.assetTag, device.sim, ...device.alternatives, ...model, ...holder]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\u0000')
    .toLowerCase();
}
