import type { Device, DeviceKey, DeviceKind, DeviceStatus, Holder } from '../domain/device';
import type { DeviceEvent, EventType } from '../domain/event';
import { transitions, type FromStatus } from '../lifecycle/transitions';

/**
 * `apply` narrowed to the fields the quarter's billing and the 30-day trend read, for replaying
 * half a million events in well under a second: `apply` copies the whole device twice per event,
 * which is right for the desk and too slow here. It decides with the same transition table and the
 * same correction rules; `track.test.ts` replays random event sequences through both and requires
 * the same verdict and the same fields after every event. A change to `apply` that this misses
 * fails there.
 */
export interface Tracked {
  key: DeviceKey;
  kind: DeviceKind;
  model?: string | undefined;
  status: DeviceStatus;
  location?: string | undefined;
  holder?: Holder | undefined;
  handouts: number;
  lastEventId: string;
}

/** The verdict on an event `apply` would refuse; `null` is a withdrawn registration. */
export const refused: unique symbol = Symbol('refused');
export type TrackResult = Tracked | null | typeof refused;

export function trackedOf({ key, kind, model, status, location, holder, handouts, lastEventId }: Device): Tracked {
  return { key, kind, model, status, location, holder, handouts, lastEventId };
}

/**
 * The transition table's `from` lists as sets, one named property per type: `isAllowed` looks the
 * type up by a computed key, which costs more than the rest of a step when the event came out of a
 * store (its strings are copies, not the literals).
 */
const from = {
  received: new Set<FromStatus>(transitions.received.from),
  prepared: new Set<FromStatus>(transitions.prepared.from),
  handed_out: new Set<FromStatus>(transitions.handed_out.from),
  returned: new Set<FromStatus>(transitions.returned.from),
  sent_to_repair: new Set<FromStatus>(transitions.sent_to_repair.from),
  repaired: new Set<FromStatus>(transitions.repaired.from),
  disposed: new Set<FromStatus>(transitions.disposed.from),
  reported_lost: new Set<FromStatus>(transitions.reported_lost.from),
  found: new Set<FromStatus>(transitions.found.from),
  moved: new Set<FromStatus>(transitions.moved.from),
  note: new Set<FromStatus>(transitions.note.from),
  corrected: new Set<FromStatus>(transitions.corrected.from),
} satisfies Record<EventType, ReadonlySet<FromStatus>>;

export function track(state: Tracked | null, event: DeviceEvent): TrackResult {
  if (state === null) {
    if (event.type !== 'received' || !from.received.has('none')) return refused;
    return accepted(event.deviceKey, event.data.kind, event.data.model, 'received', event.location, undefined, 0, event.id);
  }
  const { key, kind, model, status, location, holder, handouts } = state;
  if (key !== event.deviceKey) return refused;
  const id = event.id;
  const here = event.location ?? location;
  switch (event.type) {
    case 'received':
      return from.received.has(status) ? accepted(key, kind, model, 'received', event.location, undefined, 0, id) : refused;
    case 'corrected': {
      if (!from.corrected.has(status)) return refused;
      const { undoes, restore, set } = event.data;
      if (undoes) {
        if (state.lastEventId !== undoes) return refused;
        if (!restore) return null;
        if (restore.key !== key) return refused;
        return accepted(key, restore.kind, restore.model, restore.status, restore.location, restore.holder, restore.handouts, id);
      }
      const next = set?.status ?? status;
      return accepted(key, kind, model, next, set?.location ?? location, next === 'assigned' ? holder : undefined, handouts, id);
    }
    case 'prepared':
      return from.prepared.has(status) ? accepted(key, kind, model, 'ready', here, holder, handouts, id) : refused;
    case 'handed_out': {
      if (!from.handed_out.has(status)) return refused;
      const { employeeId, department } = event.data;
      return accepted(key, kind, model, 'assigned', location, { employeeId, department, since: event.at }, handouts + 1, id);
    }
    case 'returned':
      return from.returned.has(status) ? accepted(key, kind, model, 'returned', here, undefined, handouts, id) : refused;
    case 'sent_to_repair':
      return from.sent_to_repair.has(status) ? accepted(key, kind, model, 'in_repair', location, holder, handouts, id) : refused;
    case 'repaired':
      if (!from.repaired.has(status)) return refused;
      return accepted(key, kind, model, transitions.repaired.to[event.data.outcome], here, holder, handouts, id);
    case 'disposed':
      return from.disposed.has(status) ? accepted(key, kind, model, 'disposed', location, undefined, handouts, id) : refused;
    case 'reported_lost':
      return from.reported_lost.has(status) ? accepted(key, kind, model, 'lost', location, undefined, handouts, id) : refused;
    case 'found':
      return from.found.has(status) ? accepted(key, kind, model, 'returned', here, holder, handouts, id) : refused;
    case 'moved':
      return from.moved.has(status) ? accepted(key, kind, model, status, event.data.to, holder, handouts, id) : refused;
    case 'note':
      return from.note.has(status) ? accepted(key, kind, model, status, location, holder, handouts, id) : refused;
  }
}

/** Every state built by one literal, so the replay's objects share one shape. */
function accepted(
  key: DeviceKey,
  kind: DeviceKind,
  model: string | undefined,
  status: DeviceStatus,
  location: string | undefined,
  holder: Holder | undefined,
  handouts: number,
  lastEventId: string,
): Tracked {
  return { key, kind, model, status, location, holder, handouts, lastEventId };
}
