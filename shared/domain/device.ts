import { z } from 'zod';

/** The kinds of device the municipality hands out. */
export const deviceKinds = ['phone', 'tablet', 'pc'] as const;
export const deviceKindSchema = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

/**
 * Where a device is in its life. `received` is in stock but not yet prepared; `returned` is back
 * from an employee and awaiting triage. The allowed moves between them live in
 * `shared/lifecycle/transitions.ts`, nowhere else.
 */
export const deviceStatuses = [
  'received',
  'ready',
  'assigned',
  'returned',
  'in_repair',
  'disposed',
  'lost',
] as const;
export const deviceStatusSchema = z.enum(deviceStatuses);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** Statuses in which a device physically sits on a shelf at a location. */
export const inStockStatuses: readonly DeviceStatus[] = ['received', 'ready', 'returned'];

export const conditions = ['ok', 'damaged', 'defective'] as const;
export const conditionSchema = z.enum(conditions);
export type Condition = z.infer<typeof conditionSchema>;

/** `imei:<15 digits>` for a device with a modem, `serial:<SERIAL>` otherwise. */
export const deviceKeySchema = z
  .string()
  .regex(/^(imei:\d{15}|serial:[\x21-\x7e]([\x20-\x7e]{0,62}[\x21-\x7e])?)$/, 'device key must be imei:<15 digits> or serial:<SERIAL>');
export type DeviceKey = z.infer<typeof deviceKeySchema>;

export const isoTimestampSchema = z.iso.datetime({ offset: true });

export const holderSchema = z.object({
  employeeId: z.string().min(1),
  department: z.string().min(1),
  since: isoTimestampSchema,
});
export type Holder = z.infer<typeof holderSchema>;

export const repairSchema = z.object({
  vendor: z.string().min(1),
  ticket: z.string().optional(),
  since: isoTimestampSchema,
});
export type Repair = z.infer<typeof repairSchema>;

export const disposalSchema = z.object({
  method: z.enum(['recycled', 'destroyed', 'resold']),
  certificate: z.string().min(1),
  at: isoTimestampSchema,
});

/**
 * A device as the desk and the server project it from its events. Every field is derived: the
 * event log is the truth, and `apply` in `shared/lifecycle/apply.ts` is the only writer.
 */
export const deviceSchema = z.object({
  key: deviceKeySchema,
  kind: deviceKindSchema,
  imei: z.string().regex(/^\d{15}$/).optional(),
  imei2: z.string().regex(/^\d{15}$/).optional(),
  serial: z.string().optional(),
  assetTag: z.string().optional(),
  /** Other spellings a scan may produce for this device (an Apple box label's `S` + serial). */
  alternatives: z.array(z.string()).default([]),
  model: z.string().optional(),
  status: deviceStatusSchema,
  /** The location (warehouse or desk) the device was last in, while in stock. */
  location: z.string().optional(),
  holder: holderSchema.optional(),
  condition: conditionSchema.optional(),
  repair: repairSchema.optional(),
  disposal: disposalSchema.optional(),
  /** How many times it has been handed out; a handout with handouts > 0 before it is a reuse. */
  handouts: z.number().int().nonnegative(),
  receivedAt: isoTimestampSchema,
  /** When the device entered its current status (idle-in-stock and days-in-repair count from it). */
  statusSince: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  lastEventId: z.string(),
});
export type Device = z.infer<typeof deviceSchema>;

/** Every identifier a scan of this device may produce, for the lookup index. */
export function deviceIdentifiers(device: Pick<Device, 'imei' | 'imei2' | 'serial' | 'assetTag' | 'alternatives'>): string[] {
  const ids = [device.imei, device.imei2, device.serial, device.assetTag, ...device.alternatives];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
