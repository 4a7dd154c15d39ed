import Dexie, { type Table } from 'dexie';
import { deviceIdentifiers, type Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import type { Department, Employee, Location, Model } from '../../shared/domain/reference';

/** A device as stored: the projection plus every identifier a scan may produce, for one index. */
export type StoredDevice = Device & { identifiers: string[] };

/**
 * An event as stored at the desk. `prior` is the device before this event (local only, never
 * sent): it is what an undo restores. `sync` says whether the central inventory has answered.
 */
export type StoredEvent = DeviceEvent & {
  prior?: StoredDevice | null;
  sync: 'pending' | 'accepted' | 'conflict' | 'invalid';
  seq?: number;
  reason?: string;
  reasonCode?: string;
};

/** Events waiting to be pushed, in the order they were recorded (`n`). */
export interface OutboxEntry {
  n?: number;
  eventId: string;
  event: DeviceEvent;
  attempts: number;
  lastError?: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export class KvikDb extends Dexie {
  devices!: Table<StoredDevice, string>;
  events!: Table<StoredEvent, string>;
  outbox!: Table<OutboxEntry, number>;
  departments!: Table<Department, string>;
  employees!: Table<Employee, string>;
  locations!: Table<Location, string>;
  models!: Table<Model, string>;
  settings!: Table<Setting, string>;

  constructor(name = 'kvikdesk') {
    super(name);
    // Schema versions are append-only: a desk upgraded in the field keeps its data.
    this.version(1).stores({
      devices: 'key, *identifiers, status, [location+status], model, holder.employeeId, holder.department, updatedAt',
      events: 'id, [deviceKey+at], at, [deskId+at], sync',
      outbox: '++n, &eventId',
      departments: 'id, name',
      employees: 'id, name, department',
      locations: 'id, name',
      models: 'id, name, gtin',
      settings: 'key',
    });
  }
}

export function storedDevice(device: Device): StoredDevice {
  return { ...device, identifiers: deviceIdentifiers(device) };
}
