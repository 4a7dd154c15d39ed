import { z } from 'zod';

/** The kinds of device the municipality hands out. */
export const deviceKinds = ['phone', 'tablet', 'pc'] as const;
export const deviceKindSchema = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

/**
 * Where a device is in its life. `received` is in stock but not yet prepared; `returned` is back
 * from an employee and awaiting triage; `in_transit` is packed in a transfer between two
 * locations. The allowed moves between them live in `shared/lifecycle/transitions.ts`, nowhere else.
 */
export const deviceStatuses = [
  'received',
  'ready',
  'assigned',
  'returned',
  'in_repair',
  'in_transit',
  'disposed',
  'lost',
] as const;
export const deviceStatusSchema = z.enum(deviceStatuses);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** Statuses in which a device physically sits on a shelf at a location. */
export const inStockStatuses = ['received', 'ready', 'returned'] as const satisfies readonly DeviceStatus[];
export const stockStatusSchema = z.enum(inStockStatuses);
export type StockStatus = z.infer<typeof stockStatusSchema>;

export function isInStock(status: DeviceStatus | 'none'): status is StockStatus {
  return (inStockStatuses as readonly string[]).includes(status);
}

/** What a repair vendor answers: `fixed` comes back to stock, `unrepairable` as defective. */
export const repairOutcomes = ['fixed', 'unrepairable'] as const;
export const repairOutcomeSchema = z.enum(repairOutcomes);
export type RepairOutcome = z.infer<typeof repairOutcomeSchema>;

/** How a device leaves the municipality for good. */
export const disposalMethods = ['recycled', 'destroyed', 'resold'] as const;
export const disposalMethodSchema = z.enum(disposalMethods);
export type DisposalMethod = z.infer<typeof disposalMethodSchema>;

/** Media sanitisation as NIST SP 800-88 names it: overwrite, cryptographic/firmware purge, physical. */
export const erasureMethods = ['clear', 'purge', 'destroy'] as const;
export const erasureMethodSchema = z.enum(erasureMethods);
export type ErasureMethod = z.infer<typeof erasureMethodSchema>;

/**
 * WEEE categories (EU directive 2012/19/EU, annex III) a recycler sorts IT equipment into: phones
 * are small IT equipment, tablets and laptops screens.
 */
export const weeeCategories = ['small_it', 'screens'] as const;
export const weeeCategorySchema = z.enum(weeeCategories);
export type WeeeCategory = z.infer<typeof weeeCategorySchema>;

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
  method: disposalMethodSchema,
  certificate: z.string().min(1),
  at: isoTimestampSchema,
  /** The disposal batch the device left in, when it left in one. */
  batchId: z.string().optional(),
});

/** A device packed in a transfer: where it goes, and the stock status it returns to on arrival. */
export const transitSchema = z.object({
  transferId: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  since: isoTimestampSchema,
  stockStatus: stockStatusSchema,
  /** When the receiver closed the transfer without it: missing, still in transit until found or written off. */
  missingSince: isoTimestampSchema.optional(),
});
export type Transit = z.infer<typeof transitSchema>;

/** A calendar day, `YYYY-MM-DD` (purchase dates: a day, not an instant). */
export const isoDateSchema = z.iso.date();

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
  transit: transitSchema.optional(),
  /** The ICCID of the SIM card paired with it at the counter, while it is handed out. */
  sim: z.string().optional(),
  /** When a stocktake last saw the device on its shelf. */
  lastCountedAt: isoTimestampSchema.optional(),
  purchaseDate: isoDateSchema.optional(),
  /** What the device cost, in øre (integer: money is never a float). */
  purchasePrice: z.number().int().nonnegative().optional(),
  /** How many times it has been handed out; a handout with handouts > 0 before it is a reuse. */
  handouts: z.number().int().nonnegative(),
  receivedAt: isoTimestampSchema,
  /** When the device entered its current status (idle-in-stock and days-in-repair count from it). */
  statusSince: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  lastEventId: z.string(),
});
export type Device = z.infer<typeof deviceSchema>;

/**
 * Every identifier a scan of this device may produce, for the lookup index — the paired SIM's
 * ICCID too, so a SIM scanned again finds the phone that has it (never paired with a second one).
 */
export function deviceIdentifiers(device: Pick<Device, 'imei' | 'imei2' | 'serial' | 'assetTag' | 'alternatives' | 'sim'>): string[] {
  const ids = [device.imei, device.imei2, device.serial, device.assetTag, device.sim, ...device.alternatives];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
