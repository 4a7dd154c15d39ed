import type { TFunction } from 'i18next';
import { deviceStatuses, type DeviceStatus } from '../../shared/domain/device';
import { invalidReasonCodes, isRefusalCode } from '../../shared/sync/protocol';
import type { ConflictRow } from '../store/db';

/**
 * The server's reason for refusing an event, in the operator's language: a lifecycle refusal
 * with the desk's own `refusals.*` text, an invalid event with its own, and the server's English
 * sentence for a code this desk does not know (a newer server).
 */
export function conflictReason(t: TFunction, conflict: Pick<ConflictRow, 'status' | 'reason' | 'reasonCode'>): string {
  const { reason, reasonCode } = conflict;
  if (conflict.status === 'invalid') {
    const known = invalidReasonCodes.find((code) => code === reasonCode);
    return known ? t(`sync.conflicts.invalidReasons.${known}`, { reason }) : t('sync.conflicts.serverReason', { reason });
  }
  if (!isRefusalCode(reasonCode)) return t('sync.conflicts.serverReason', { reason });
  const status = statusIn(reason);
  return t(`refusals.${reasonCode}`, { status: status ? t(`statuses.${status}`) : '?' });
}

/**
 * The device's status the server saw, from its sentence (`describeRefusal` ends the two refusals
 * that name one with "(status <status>)"): the push answer carries the code, not the status.
 */
function statusIn(reason: string): DeviceStatus | undefined {
  const found = /\(status ([a-z_]+)\)/.exec(reason)?.[1];
  return deviceStatuses.find((status) => status === found);
}

/** What a person reads as the device: its IMEI or serial, not the key's prefix. */
export function deviceLabelOf(deviceKey: string): string {
  return deviceKey.replace(/^(imei|serial):/, '');
}
