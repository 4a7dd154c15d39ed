import type { DeviceEvent, EventType } from '../../../shared/domain/event';
import { makeEvent, type EventOptions } from '../../../shared/testing/builders';

/**
 * Devices and event ids unique across the whole run (several test files share a PostgreSQL
 * database in different schemas, and child servers reopen the same data), so a test never
 * trips over another's device by accident.
 */
const runTag = ((Date.now() ^ (process.pid << 20)) >>> 0).toString(16).padStart(8, '0');
const imeiBase = String(Math.floor(Date.now() / 1000) % 10_000).padStart(4, '0') + String(process.pid % 1000).padStart(3, '0');
let ids = 0;
let imeis = 0;

export function uniqueId(): string {
  ids += 1;
  return `${runTag}-0000-7000-8000-${ids.toString(16).padStart(12, '0')}`;
}

export function uniqueImei(): string {
  imeis += 1;
  return `35${imeiBase}${String(imeis).padStart(6, '0')}`;
}

export function event<T extends EventType>(type: T, key: string, options: EventOptions<T> = {}): DeviceEvent {
  return makeEvent(type, key, { id: uniqueId(), ...options });
}

/** A new device's registration and the key it gets. */
export function newDevice(deskId: string): { key: string; received: DeviceEvent } {
  const imei = uniqueImei();
  const key = `imei:${imei}`;
  return { key, received: event('received', key, { deskId, data: { imei } }) };
}

/** `count` events for new devices: each device received then prepared, all by `deskId`. */
export function batchFor(deskId: string, count: number): DeviceEvent[] {
  const events: DeviceEvent[] = [];
  while (events.length < count) {
    const { key, received } = newDevice(deskId);
    events.push(received);
    if (events.length < count) events.push(event('prepared', key, { deskId }));
  }
  return events;
}
