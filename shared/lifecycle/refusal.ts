import type { DeviceStatus } from '../domain/device';
import type { EventType } from '../domain/event';
import { createsDevice, transitions, type FromStatus } from './transitions';

/**
 * Why an event may not be applied. `code` is stable: the desk translates it, the server stores it
 * as a conflict's reason, tests assert it.
 */
export const refusalCodes = [
  'unknown_device',
  'already_registered',
  'device_disposed',
  'device_lost',
  'device_assigned',
  'device_in_repair',
  'device_in_transit',
  'not_prepared',
  'already_prepared',
  'prepare_incomplete',
  'not_assigned',
  'not_in_repair',
  'not_lost',
  'not_in_transit',
  'not_in_stock',
  'undo_not_latest',
  'undo_other_desk',
  'undo_unknown',
  'correction_status',
  'correction_holder',
  'correction_key',
  'resolves_unknown',
  'wrong_device',
  'not_permitted',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  code: RefusalCode;
  type: EventType;
  status: FromStatus;
}

/**
 * The statuses a device can be stuck in, most final first, with what to say when the device is in
 * one (`occupied`) and when an event needs it to be in one (`needed`).
 */
const stuck: ReadonlyArray<{ status: DeviceStatus; occupied: RefusalCode; needed?: RefusalCode }> = [
  { status: 'disposed', occupied: 'device_disposed' },
  { status: 'lost', occupied: 'device_lost', needed: 'not_lost' },
  { status: 'assigned', occupied: 'device_assigned', needed: 'not_assigned' },
  { status: 'in_repair', occupied: 'device_in_repair', needed: 'not_in_repair' },
  { status: 'in_transit', occupied: 'device_in_transit', needed: 'not_in_transit' },
];

/**
 * The most helpful reason for a pair the transition table does not allow, read off the table: an
 * event that needs one particular status says so; a device stuck in a status says where it is.
 */
export function refusalCode(status: FromStatus, type: EventType): RefusalCode {
  if (status === 'none') return 'unknown_device';
  if (createsDevice(type)) return 'already_registered';
  const from: readonly FromStatus[] = transitions[type].from;
  const needs = (s: FromStatus) => from.length === 1 && from[0] === s;
  for (const { status: s, occupied, needed } of stuck) {
    if (needed && needs(s)) return needed;
    if (status === s) return occupied;
  }
  if (needs('ready')) return 'not_prepared';
  if (transitions[type].to === status) return 'already_prepared';
  return 'not_in_stock';
}

const messages: Record<RefusalCode, (r: Refusal) => string> = {
  unknown_device: () => 'the device is not registered; receive it first',
  already_registered: (r) => `the device is already registered (status ${r.status})`,
  device_disposed: () => 'the device has been disposed of',
  device_lost: () => 'the device is reported lost; record it as found first',
  device_assigned: () => 'the device is handed out; take it back first',
  device_in_repair: () => 'the device is at repair; receive it back first',
  device_in_transit: () => 'the device is in transit; receive it from its transfer first',
  not_prepared: () => 'the device must be prepared before it is handed out',
  already_prepared: () => 'the device is already prepared',
  prepare_incomplete: () => 'a device is ready only when it is both wiped and enrolled',
  not_assigned: () => 'the device is not handed out to anyone',
  not_in_repair: () => 'the device is not at repair',
  not_lost: () => 'the device is not reported lost',
  not_in_transit: () => 'the device is not in transit',
  not_in_stock: (r) => `the device is not in stock (status ${r.status})`,
  undo_not_latest: () => 'a newer event exists for this device; only its latest event can be undone',
  undo_other_desk: () => "only the desk that recorded an event can undo it; correct it from the device's card",
  undo_unknown: () => 'the event to undo is not in the log',
  correction_status: (r) => `a correction cannot set that status from ${r.status}`,
  correction_holder: () => 'a holder can only be corrected while the device is handed out',
  correction_key: () => 'the identifier the device is known by cannot be corrected; void the device and receive it again',
  resolves_unknown: () => 'the correction resolves no conflict or refused event of this desk and device',
  wrong_device: () => 'the event names a different device',
  not_permitted: () => "the operator's role does not allow this action",
};

/** An English sentence for logs and the server's stored conflict reason. */
export function describeRefusal(refusal: Refusal): string {
  return `${refusal.type} refused: ${messages[refusal.code](refusal)}`;
}
