import { z } from 'zod';
import {
  deviceKindSchema,
  deviceKinds,
  isInStock,
  isoTimestampSchema,
  weeeCategorySchema,
  type Device,
  type DeviceKind,
  type DeviceStatus,
  type WeeeCategory,
} from '../domain/device';
import { erasureSchema, type Erasure, type EventData } from '../domain/event';
import { eventLimits as max, safeText } from '../domain/limits';

/**
 * A disposal batch (bortskaffelsesparti): devices scanned into one parcel for a recycler, each
 * with its erasure evidence, disposed of together when a team lead closes it with the recycler's
 * certificate number. Pure: the desk stores it (Dexie); the `disposed` events are the lifecycle's.
 */

/** WEEE category each kind goes in (2012/19/EU annex III): phones small IT, tablets and laptops screens. */
export const weeeCategoryOfKind: Readonly<Record<DeviceKind, WeeeCategory>> = {
  phone: 'small_it',
  tablet: 'screens',
  pc: 'screens',
};

export const disposalLimits = { itemsMax: 5_000, weightKgMax: 100_000 } as const;

export const batchItemSchema = z.object({
  deviceKey: z.string().min(1),
  kind: deviceKindSchema,
  model: z.string().optional(),
  imei: z.string().optional(),
  serial: z.string().optional(),
  assetTag: z.string().optional(),
  erasure: erasureSchema,
  addedAt: isoTimestampSchema,
  addedBy: safeText(max.idMax).min(1),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const disposalBatchSchema = z.object({
  id: z.string().min(1),
  recycler: safeText(max.nameMax).trim().min(1),
  weeeCategory: weeeCategorySchema,
  status: z.enum(['open', 'closed']),
  createdAt: isoTimestampSchema,
  createdBy: safeText(max.idMax).min(1),
  /** Where the parcel was packed. */
  location: safeText(max.idMax).min(1),
  items: z.array(batchItemSchema).max(disposalLimits.itemsMax),
  certificate: safeText(max.nameMax).trim().min(1).optional(),
  /** Total weight in kg, when the recycler's scale said it. */
  weightKg: z.number().nonnegative().max(disposalLimits.weightKgMax).optional(),
  closedAt: isoTimestampSchema.optional(),
  closedBy: safeText(max.idMax).optional(),
});
export type DisposalBatch = z.infer<typeof disposalBatchSchema>;

/** What the person types to close a batch: the certificate is required, the weight is not. */
export const closeBatchSchema = z.object({
  certificate: safeText(max.nameMax).trim().min(1),
  weightKg: z.number().nonnegative().max(disposalLimits.weightKgMax).optional(),
});
export type CloseBatch = z.infer<typeof closeBatchSchema>;

/** Why a device may not join a batch. */
export type JoinRefusal =
  | { code: 'batch_closed' }
  | { code: 'already_in_batch' }
  | { code: 'in_other_batch'; batchId: string }
  | { code: 'not_in_stock'; status: DeviceStatus }
  | { code: 'wrong_category'; category: WeeeCategory }
  | { code: 'not_wiped' }
  | { code: 'erasure_incomplete' }
  | { code: 'erasure_date'; date: string };

/** The earliest erasure date taken as real: older is a typing (or a scan into the date field). */
export const EARLIEST_ERASURE = '2000-01-01';

/**
 * Whether `device` may join `batch` with this erasure evidence. Only a device on a shelf (in
 * stock, which includes returned defective) may; one whose erasure was not verified is refused
 * (a device leaves only wiped, and someone must have checked), and so is evidence that is not
 * complete or dated on a day that cannot be; it must belong in the batch's WEEE category; and it
 * may be in one open batch only.
 */
export function joinRefusal(
  batch: Pick<DisposalBatch, 'status' | 'weeeCategory' | 'items'>,
  device: Pick<Device, 'key' | 'status' | 'kind'>,
  erasure: Erasure,
  /** The day it is (`YYYY-MM-DD`): an erasure cannot have been done after it. */
  today: string,
  otherOpenBatches: readonly Pick<DisposalBatch, 'id' | 'items'>[] = [],
): JoinRefusal | undefined {
  if (batch.status !== 'open') return { code: 'batch_closed' };
  if (batch.items.some((item) => item.deviceKey === device.key)) return { code: 'already_in_batch' };
  const other = otherOpenBatches.find((b) => b.items.some((item) => item.deviceKey === device.key));
  if (other) return { code: 'in_other_batch', batchId: other.id };
  if (!isInStock(device.status)) return { code: 'not_in_stock', status: device.status };
  const category = weeeCategoryOfKind[device.kind];
  if (category !== batch.weeeCategory) return { code: 'wrong_category', category };
  if (!erasure.verified) return { code: 'not_wiped' };
  if (!erasureSchema.safeParse(erasure).success || !erasure.tool.trim() || !erasure.verifiedBy?.trim() || !erasure.date) return { code: 'erasure_incomplete' };
  if (erasure.date < EARLIEST_ERASURE || erasure.date > today) return { code: 'erasure_date', date: erasure.date };
  return undefined;
}

/** A refusal a person can act on calmly (amber) rather than a device that may not go (red). */
export function isWarning(refusal: JoinRefusal): boolean {
  return refusal.code === 'already_in_batch';
}

export function batchItem(
  device: Pick<Device, 'key' | 'kind' | 'model' | 'imei' | 'serial' | 'assetTag'>,
  erasure: Erasure,
  addedBy: string,
  at: string,
): BatchItem {
  const optional = <K extends 'model' | 'imei' | 'serial' | 'assetTag'>(name: K) => (device[name] ? { [name]: device[name] } : {});
  return {
    deviceKey: device.key,
    kind: device.kind,
    ...optional('model'),
    ...optional('imei'),
    ...optional('serial'),
    ...optional('assetTag'),
    erasure,
    addedAt: at,
    addedBy,
  };
}

/** The `disposed` event each device of a closed batch gets: the batch, the certificate, the evidence. */
export function disposedData(batch: Pick<DisposalBatch, 'id' | 'recycler' | 'weeeCategory'>, certificate: string, item: BatchItem): EventData<'disposed'> {
  return {
    method: 'recycled',
    certificate: certificate.trim(),
    batchId: batch.id,
    recycler: batch.recycler,
    weeeCategory: batch.weeeCategory,
    erasure: item.erasure,
  };
}

/** Devices per kind in the batch, every kind listed (a manifest says "0 tablets" too). */
export function countsByKind(items: readonly Pick<BatchItem, 'kind'>[]): { kind: DeviceKind; count: number }[] {
  return deviceKinds.map((kind) => ({ kind, count: items.filter((item) => item.kind === kind).length }));
}
