import type { Device } from '../../shared/domain/device';
import type { DeviceEvent, ReceiptAccessory, ReceiptData, ReceiptDevice } from '../../shared/domain/event';
import { eventLimits, jsonBytes } from '../../shared/domain/limits';
import type { Employee } from '../../shared/domain/reference';
import { newEvent, type DeskContext } from '../desk/desk-context';

/** A receipt before it is signed: everything but the signature, the terms and the language. */
export type ReceiptDraft = Pick<ReceiptData, 'of' | 'employee' | 'devices' | 'requestNumber' | 'accessories'>;

/** A handout or return as the desk's store has it: the event and the device after it. */
export interface ReceiptLine {
  event: Pick<DeviceEvent, 'type' | 'deviceKey' | 'data'>;
  /** `sim`: the SIM card paired with it (on a return: the one it had until then). */
  device: Pick<Device, 'key' | 'imei' | 'serial' | 'assetTag' | 'model' | 'sim'> | undefined;
}

/**
 * The receipt of a batch's handouts (or returns) to one employee: each device once, as it was
 * recorded, with its model's name; a return's line carries the condition it came back in. `null`
 * when the batch holds none.
 */
export function receiptDraft(
  of: ReceiptData['of'],
  employee: Employee,
  lines: readonly ReceiptLine[],
  modelName: (id: string) => string,
  requestNumber?: string,
  accessories: readonly ReceiptAccessory[] = [],
): ReceiptDraft | null {
  const seen = new Set<string>();
  const devices: ReceiptDevice[] = [];
  for (const { event, device } of lines) {
    if (event.type !== of || seen.has(event.deviceKey)) continue;
    seen.add(event.deviceKey);
    const condition = event.type === 'returned' ? (event.data as { condition: ReceiptDevice['condition'] }).condition : undefined;
    devices.push({
      deviceKey: event.deviceKey,
      ...(device?.model ? { model: modelName(device.model) } : {}),
      ...(device?.imei ? { imei: device.imei } : {}),
      ...(device?.serial ? { serial: device.serial } : {}),
      ...(device?.assetTag ? { assetTag: device.assetTag } : {}),
      ...(device?.sim ? { sim: device.sim } : {}),
      ...(condition ? { condition } : {}),
    });
  }
  if (devices.length === 0) return null;
  return {
    of,
    employee: { id: employee.id, name: employee.name, department: employee.department },
    devices: devices.slice(0, eventLimits.receiptDevicesMax),
    ...(requestNumber?.trim() ? { requestNumber: requestNumber.trim() } : {}),
    ...(accessories.length > 0 ? { accessories: accessories.slice(0, 20) } : {}),
  };
}

/**
 * The receipt as events, one on each device it lists (so every device's history can print it
 * again), or `null` when one would exceed the event limit: the desk then shrinks the signature.
 */
export function receiptEvents(ctx: DeskContext, data: ReceiptData, now: Date): DeviceEvent[] | null {
  const events = data.devices.map((device) => newEvent(ctx, 'receipt', device.deviceKey, data, now));
  return events.every((event) => jsonBytes(event) <= eventLimits.eventMaxBytes) ? events : null;
}
