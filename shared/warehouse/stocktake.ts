import { z } from 'zod';
import {
  deviceKindSchema,
  deviceStatusSchema,
  isInStock,
  isoTimestampSchema,
  type Device,
  type DeviceKind,
} from '../domain/device';
import { eventLimits as max, safeText } from '../domain/limits';

/**
 * A stocktake (optælling) of one location: the devices the register places there, frozen when
 * the count starts, and every scan made while counting. Pure: the desk stores it (Dexie) and
 * decides each scan with these rules; the `counted` events it records are the lifecycle's.
 */

/** What one scan in a count turned out to be. */
export const countResults = ['found', 'already_counted', 'unexpected', 'unknown'] as const;
export const countResultSchema = z.enum(countResults);
export type CountResult = z.infer<typeof countResultSchema>;

/** A device the count expects to find, as the register had it at the start. */
export const expectedDeviceSchema = z.object({
  key: z.string().min(1),
  kind: deviceKindSchema,
  /** What a person reads on the label: the IMEI, else the serial. */
  label: z.string().min(1),
  model: z.string().optional(),
  status: deviceStatusSchema,
  /** Set when the device was expected because it is in transit to the location. */
  transferId: z.string().optional(),
});
export type ExpectedDevice = z.infer<typeof expectedDeviceSchema>;

/** A count of a location in its whole: no larger than a location can hold, with room. */
export const stocktakeLimits = { expectedMax: 100_000 } as const;

export const stocktakeSchema = z.object({
  id: z.string().min(1),
  location: safeText(max.idMax).min(1),
  /** Only devices of this kind are counted (a count of the phone shelves). */
  kind: deviceKindSchema.optional(),
  status: z.enum(['open', 'closed']),
  startedAt: isoTimestampSchema,
  startedBy: safeText(max.idMax).min(1),
  expected: z.array(expectedDeviceSchema).max(stocktakeLimits.expectedMax),
  closedAt: isoTimestampSchema.optional(),
  closedBy: safeText(max.idMax).optional(),
  /** What the person chose at the close, for the printed result. */
  actions: z.object({ moved: z.number().int().nonnegative(), reportedLost: z.number().int().nonnegative() }).optional(),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;

/** Where the register had a device that turned up unexpectedly. */
export const registerPlaceSchema = z.object({ status: deviceStatusSchema, location: z.string().optional() });
export type RegisterPlace = z.infer<typeof registerPlaceSchema>;

/** One scan of a count, kept whatever it was, so nothing scanned is lost. */
export const countScanSchema = z.object({
  id: z.string().min(1),
  countId: z.string().min(1),
  at: isoTimestampSchema,
  /** The scanned value as read (for an unknown label, all there is). */
  label: z.string().min(1),
  result: countResultSchema,
  deviceKey: z.string().optional(),
  kind: deviceKindSchema.optional(),
  model: z.string().optional(),
  /** For an unexpected device: where the register had it. */
  was: registerPlaceSchema.optional(),
});
export type CountScan = z.infer<typeof countScanSchema>;

/**
 * Whether the register places the device at `location` for a count: on the shelf there (in
 * stock), or packed in a transfer to it. `kind` narrows the count to one kind.
 */
export function isExpectedAt(device: Pick<Device, 'status' | 'location' | 'kind' | 'transit'>, location: string, kind?: DeviceKind): boolean {
  if (kind && device.kind !== kind) return false;
  if (isInStock(device.status)) return device.location === location;
  return device.status === 'in_transit' && device.transit?.to === location;
}

export function expectedDevice(device: Pick<Device, 'key' | 'kind' | 'imei' | 'serial' | 'model' | 'status' | 'transit'>): ExpectedDevice {
  return {
    key: device.key,
    kind: device.kind,
    label: device.imei ?? device.serial ?? device.key,
    status: device.status,
    ...(device.model ? { model: device.model } : {}),
    ...(device.status === 'in_transit' && device.transit ? { transferId: device.transit.transferId } : {}),
  };
}

/** Why a count may not start; `undefined` when it may. */
export type StartRefusal = { code: 'count_open'; countId: string; startedBy: string; startedAt: string };

/** Two counts of one location at once would each call the other's devices missing: refused. */
export function startRefusal(openCounts: readonly Pick<Stocktake, 'id' | 'location' | 'status' | 'startedBy' | 'startedAt'>[], location: string): StartRefusal | undefined {
  const open = openCounts.find((count) => count.status === 'open' && count.location === location);
  return open ? { code: 'count_open', countId: open.id, startedBy: open.startedBy, startedAt: open.startedAt } : undefined;
}

export type CountDecision =
  | { result: 'found'; device: ExpectedDevice }
  | { result: 'already_counted'; deviceKey: string }
  | { result: 'unexpected'; deviceKey: string; was: RegisterPlace }
  | { result: 'unknown' };

/**
 * One scan in a count: found (expected, first time), already counted, unexpected (the register
 * has it elsewhere or in another status — `was` says where), or unknown (not in the register).
 */
export function classifyCountScan(
  device: Pick<Device, 'key' | 'status' | 'location'> | undefined,
  expected: ReadonlyMap<string, ExpectedDevice>,
  seen: ReadonlySet<string>,
): CountDecision {
  if (!device) return { result: 'unknown' };
  if (seen.has(device.key)) return { result: 'already_counted', deviceKey: device.key };
  const entry = expected.get(device.key);
  if (entry) return { result: 'found', device: entry };
  return { result: 'unexpected', deviceKey: device.key, was: { status: device.status, ...(device.location ? { location: device.location } : {}) } };
}

/** The colour and sound of each result, as on the desk: green, amber, red. */
export const countTone: Readonly<Record<CountResult, 'good' | 'warning' | 'error'>> = {
  found: 'good',
  already_counted: 'warning',
  unexpected: 'warning',
  unknown: 'error',
};

/** The keys a count has seen (found or unexpected): a second scan of one is "already counted". */
export function seenKeys(scans: readonly Pick<CountScan, 'result' | 'deviceKey'>[]): Set<string> {
  const seen = new Set<string>();
  for (const scan of scans) if (scan.deviceKey && (scan.result === 'found' || scan.result === 'unexpected')) seen.add(scan.deviceKey);
  return seen;
}

export interface CountSummary {
  expected: number;
  found: ExpectedDevice[];
  missing: ExpectedDevice[];
  /** Each unexpected device once, with where the register had it. */
  unexpected: CountScan[];
  /** Each unknown label once. */
  unknown: CountScan[];
}

/** Expected, found, missing, unexpected and unknown, from the frozen list and the scans. */
export function summarizeCount(count: Pick<Stocktake, 'expected'>, scans: readonly CountScan[]): CountSummary {
  const found = new Set<string>();
  const unexpected = new Map<string, CountScan>();
  const unknown = new Map<string, CountScan>();
  for (const scan of scans) {
    if (scan.result === 'found' && scan.deviceKey) found.add(scan.deviceKey);
    else if (scan.result === 'unexpected' && scan.deviceKey && !unexpected.has(scan.deviceKey)) unexpected.set(scan.deviceKey, scan);
    else if (scan.result === 'unknown' && !unknown.has(scan.label)) unknown.set(scan.label, scan);
  }
  return {
    expected: count.expected.length,
    found: count.expected.filter((d) => found.has(d.key)),
    missing: count.expected.filter((d) => !found.has(d.key)),
    unexpected: [...unexpected.values()],
    unknown: [...unknown.values()],
  };
}

/** The devices "move unexpected here" can move: those the register has on a shelf elsewhere. */
export function movableUnexpected(summary: Pick<CountSummary, 'unexpected'>, location: string): CountScan[] {
  return summary.unexpected.filter((scan) => scan.was && isInStock(scan.was.status) && scan.was.location !== location);
}
