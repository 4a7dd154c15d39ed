import type { Device } from '../../shared/domain/device';
import { deviceKeyFor } from '../../shared/domain/device-key';
import type { CorrectionSet, DeviceEvent, EventType } from '../../shared/domain/event';
import type { KvikDb } from '../store/db';
import { recordEvent, type RecordResult } from '../store/record';
import { newEvent, type DeskContext } from '../desk/desk-context';

/** The fields a person may correct on a device's card, in the order the form shows them. */
export const correctableFields = ['model', 'kind', 'imei2', 'serial', 'assetTag', 'location', 'holder', 'condition'] as const;
export type CorrectableField = (typeof correctableFields)[number];

/** What each event sets, so correcting an older event offers exactly what that event set. */
const fieldsSetBy: Partial<Record<EventType, readonly CorrectableField[]>> = {
  received: ['model', 'kind', 'imei2', 'serial', 'assetTag', 'location'],
  imported: ['model', 'kind', 'imei2', 'serial', 'assetTag', 'location', 'holder', 'condition'],
  handed_out: ['holder'],
  returned: ['condition'],
  moved: ['location'],
  transfer_received: ['location'],
};

/** The fields a correction of `event` offers; every correctable field when no event is named. */
export function fieldsToCorrect(device: Device, event?: Pick<DeviceEvent, 'type'>): CorrectableField[] {
  const fields = event ? (fieldsSetBy[event.type] ?? []) : correctableFields;
  return fields.filter((field) => {
    // The identifier a device is keyed by is never corrected: a wrong one is another device.
    if (field === 'serial') return device.key !== deviceKeyFor({ serial: device.serial });
    if (field === 'holder') return device.status === 'assigned';
    return true;
  });
}

/** Whether an event sets anything a correction could change (its history row offers "Correct"). */
export function isCorrectable(event: Pick<DeviceEvent, 'type'>): boolean {
  return (fieldsSetBy[event.type]?.length ?? 0) > 0;
}

/** The form's values: text for every field (a holder as `employeeId|department`). */
export type CorrectionValues = Partial<Record<CorrectableField, string>>;

export function valuesOf(device: Device): CorrectionValues {
  return {
    model: device.model ?? '',
    kind: device.kind,
    imei2: device.imei2 ?? '',
    serial: device.serial ?? '',
    assetTag: device.assetTag ?? '',
    location: device.location ?? '',
    holder: device.holder ? `${device.holder.employeeId}|${device.holder.department}` : '',
    condition: device.condition ?? '',
  };
}

/**
 * What a correction sets: the offered fields whose value differs from the device's, trimmed; an
 * emptied field is left as it was (a correction sets, it never clears). `undefined` when nothing
 * changed. The schema checks the result when it is recorded.
 */
export function correctionSet(device: Device, fields: readonly CorrectableField[], values: CorrectionValues): CorrectionSet | undefined {
  const before = valuesOf(device);
  const set: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field]?.trim() ?? '';
    if (value === '' || value === before[field]) continue;
    if (field === 'holder') {
      const [employeeId, department] = value.split('|');
      set.holder = { employeeId, department };
    } else set[field] = value;
  }
  return Object.keys(set).length > 0 ? (set as CorrectionSet) : undefined;
}

/** Records a correction of `device` (naming the event it corrects, if any): synced like every event. */
export function recordCorrection(
  db: KvikDb,
  ctx: DeskContext,
  device: Device,
  change: { set: CorrectionSet; reason: string; corrects?: string | undefined },
  now = new Date(),
): Promise<RecordResult> {
  const data = { reason: change.reason.trim(), set: change.set, ...(change.corrects ? { corrects: change.corrects } : {}) };
  return recordEvent(db, newEvent(ctx, 'corrected', device.key, data, now));
}

/** Voids a registration made in error: the device leaves the register; its history stays and says why. */
export function recordVoid(db: KvikDb, ctx: DeskContext, device: Device, reason: string, now = new Date()): Promise<RecordResult> {
  return recordEvent(db, newEvent(ctx, 'voided', device.key, { reason: reason.trim() }, now));
}
