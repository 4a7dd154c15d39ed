import type { DeviceEvent } from '../../shared/domain/event';
import type { PushResult } from '../../shared/sync/protocol';
import type { ConflictRow, StoredEvent } from '../store/db';

/** How the central inventory holds one event of this desk, from a push answer or a pull. */
export interface Settlement {
  sync: 'accepted' | 'conflict' | 'invalid';
  seq?: number;
  reason?: string;
  reasonCode?: string;
}

/**
 * A push answer as the event's settled state. `duplicate` is treated exactly like the first
 * answer for that id (a retry of a push whose answer was lost): same `seq`, same stored status.
 */
export function settlementOf(result: PushResult): Settlement {
  switch (result.status) {
    case 'accepted':
      return { sync: 'accepted', seq: result.seq };
    case 'conflict':
      return { sync: 'conflict', seq: result.seq, reason: result.reason, reasonCode: result.reasonCode };
    case 'duplicate':
      return result.stored === 'accepted'
        ? { sync: 'accepted', seq: result.seq }
        : { sync: 'conflict', seq: result.seq, reason: result.reason ?? '', reasonCode: result.reasonCode ?? '' };
    case 'invalid':
      return { sync: 'invalid', reason: result.reason, reasonCode: result.reasonCode };
  }
}

/** The stored event with its settlement; the desk's own fields (`prior`) are kept. */
export function settledEvent(stored: StoredEvent | undefined, event: DeviceEvent, settlement: Settlement): StoredEvent {
  const { reason, reasonCode, seq } = settlement;
  return {
    ...(stored ?? event),
    sync: settlement.sync,
    ...(seq !== undefined ? { seq } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(reasonCode !== undefined ? { reasonCode } : {}),
  };
}

/** The Conflicts list's row for a refused event, or `null` for an accepted one. */
export function conflictRowFor(event: DeviceEvent, settlement: Settlement, detectedAt: string): ConflictRow | null {
  if (settlement.sync === 'accepted') return null;
  return {
    eventId: event.id,
    deviceKey: event.deviceKey,
    type: event.type,
    status: settlement.sync,
    ...(settlement.seq !== undefined ? { seq: settlement.seq } : {}),
    reason: settlement.reason ?? '',
    reasonCode: settlement.reasonCode ?? '',
    at: event.at,
    operator: event.operator,
    detectedAt,
  };
}
