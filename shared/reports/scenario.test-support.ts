import type { DeviceKind } from '../domain/device';
import { deviceEventSchema, type DeviceEvent, type EventData, type EventType } from '../domain/event';
import { replay } from '../lifecycle/apply';
import { makeEvent } from '../testing/builders';

/**
 * Hand-built device lives for the reports' tests: each step is a real, schema-valid event; `undo`
 * records the correction of the step before it with the state it restores, as the desk would.
 */
export type Step =
  | { [T in EventType]: { type: T; at: string; location?: string; operator?: string; data?: Partial<EventData<T>> } }[EventType]
  | { type: 'undo'; at: string; location?: string; operator?: string };

export interface Identity {
  kind: DeviceKind;
  model?: string;
  imei?: string;
  serial?: string;
}

/** A 15-digit IMEI unique to `n`. */
export function imei(n: number): string {
  return `35438107${String(n).padStart(7, '0')}`;
}

export function keyOf(identity: Identity): string {
  return identity.imei ? `imei:${identity.imei}` : `serial:${(identity.serial ?? '').toUpperCase()}`;
}

export function lifeOf(identity: Identity, steps: readonly Step[]): DeviceEvent[] {
  const key = keyOf(identity);
  const events: DeviceEvent[] = [];
  for (const step of steps) {
    const common = { at: step.at, location: step.location ?? 'KVIK-NORD', operator: step.operator ?? 'AB' };
    let event: DeviceEvent;
    if (step.type === 'undo') {
      const undone = events[events.length - 1];
      if (!undone) throw new Error('nothing to undo');
      event = makeEvent('corrected', key, { ...common, data: { reason: 'Fejlregistrering', undoes: undone.id } });
    } else if (step.type === 'received') {
      const { kind, model, imei: id, serial } = identity;
      event = makeEvent('received', key, { ...common, data: { kind, model, imei: id, serial, ...step.data } });
    } else {
      event = makeEvent(step.type, key, { ...common, data: step.data });
    }
    const parsed = deviceEventSchema.safeParse(event);
    if (!parsed.success) throw new Error(`invalid ${event.type} in a scenario: ${parsed.error.message}`);
    events.push(event);
  }
  const result = replay(events);
  if (!result.ok) throw new Error(`scenario refused: ${JSON.stringify(result.refusal)}`);
  return events;
}

/** All events of several lives, in time order (as the server would have sequenced them). */
export function merge(...lives: DeviceEvent[][]): DeviceEvent[] {
  return lives.flat().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
