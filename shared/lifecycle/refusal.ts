import type { EventType } from '../domain/event';
import type { FromStatus } from './transitions';

/**
 * Why an event may not be applied. `code` is stable: the desk translates it, the server stores it
 * as a conflict's reason, tests assert it.
 */
export type RefusalCode =
  | 'unknown_device'
  | 'already_registered'
  | 'device_disposed'
  | 'device_lost'
  | 'device_assigned'
  | 'device_in_repair'
  | 'not_prepared'
  | 'already_prepared'
  | 'not_assigned'
  | 'not_in_repair'
  | 'not_lost'
  | 'not_in_stock'
  | 'undo_not_latest'
  | 'wrong_device';

export interface Refusal {
  code: RefusalCode;
  type: EventType;
  status: FromStatus;
}

/** The most helpful reason for a pair the transition table does not allow. */
export function refusalCode(status: FromStatus, type: EventType): RefusalCode {
  if (status === 'none') return 'unknown_device';
  if (type === 'received') return 'already_registered';
  if (status === 'disposed') return 'device_disposed';
  if (type === 'found') return 'not_lost';
  if (status === 'lost') return 'device_lost';
  if (type === 'returned') return 'not_assigned';
  if (status === 'assigned') return 'device_assigned';
  if (type === 'repaired') return 'not_in_repair';
  if (status === 'in_repair') return 'device_in_repair';
  if (type === 'handed_out') return 'not_prepared';
  if (type === 'prepared') return 'already_prepared';
  return 'not_in_stock';
}

const messages: Record<RefusalCode, (r: Refusal) => string> = {
  unknown_device: () => 'the device is not registered; receive it first',
  already_registered: (r) => `the device is already registered (status ${r.status})`,
  device_disposed: () => 'the device has been disposed of',
  device_lost: () => 'the device is reported lost; record it as found first',
  device_assigned: () => 'the device is handed out; take it back first',
  device_in_repair: () => 'the device is at repair; receive it back first',
  not_prepared: () => 'the device must be prepared before it is handed out',
  already_prepared: () => 'the device is already prepared',
  not_assigned: () => 'the device is not handed out to anyone',
  not_in_repair: () => 'the device is not at repair',
  not_lost: () => 'the device is not reported lost',
  not_in_stock: (r) => `the device is not in stock (status ${r.status})`,
  undo_not_latest: () => 'a newer event exists for this device; only its latest event can be undone',
  wrong_device: () => 'the correction restores a different device',
};

/** An English sentence for logs and the server's stored conflict reason. */
export function describeRefusal(refusal: Refusal): string {
  return `${refusal.type} refused: ${messages[refusal.code](refusal)}`;
}

