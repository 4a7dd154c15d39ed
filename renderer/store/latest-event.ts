import { deviceSchema } from '../../shared/domain/device';
import type { LatestEvent } from '../../shared/lifecycle/corrections';
import type { StoredEvent } from './db';

/**
 * What this desk knows of one of its own events for an undo: who recorded it and the device just
 * before it (`prior`, kept with the event). The central inventory decides the same undo from its
 * own log; the desk's guess is replaced by the server's result when the correction is pulled.
 */
export function latestOf(event: StoredEvent): LatestEvent {
  // Parsing drops the store's local index fields (`identifiers`, `endings`).
  return { id: event.id, deskId: event.deskId, operator: event.operator, before: event.prior ? deviceSchema.parse(event.prior) : null };
}
