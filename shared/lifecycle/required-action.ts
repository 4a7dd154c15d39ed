import type { Action } from '../auth/roles';
import type { Device } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { isInStock } from '../domain/device';

/** What the log knows of the event a correction names: who recorded it. */
export interface RecordedBy {
  operator: string;
}

/**
 * The action beyond ordinary scanning an event needs, if any, judged on the device it applies to
 * and — for a correction that names an earlier event — on who recorded that event. The desk uses
 * it to hide what a role may not do; the central inventory refuses the event without it.
 */
export function requiredAction(
  event: DeviceEvent,
  device: Device | null,
  named?: (eventId: string) => RecordedBy | undefined,
): Action | undefined {
  switch (event.type) {
    case 'imported':
      return 'devices.import';
    case 'voided':
      return 'events.correctOthers';
    case 'disposed':
      // Closing a disposal batch disposes of every device in it with the batch's certificate.
      return event.data.batchId ? 'disposal.close' : undefined;
    case 'reported_lost':
      // Writing off a device the register placed on a shelf or in a parcel; an employee's lost
      // phone is reported at the desk.
      return device && (isInStock(device.status) || device.status === 'in_transit') ? 'devices.writeOff' : undefined;
    case 'corrected': {
      if (event.data.resolves) return 'conflicts.resolve';
      if (event.data.undoes) return undefined; // the desk's own latest event: checked by the lifecycle
      const target = event.data.corrects ? named?.(event.data.corrects) : undefined;
      return target?.operator === event.operator ? undefined : 'events.correctOthers';
    }
    default:
      return undefined;
  }
}
