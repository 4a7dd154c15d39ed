import Dexie, { type Table } from 'dexie';
import { deviceIdentifiers, type Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import type { Department, Employee, Location, Model, Operator } from '../../shared/domain/reference';
import type { DisposalBatch } from '../../shared/warehouse/disposal';
import type { CountScan, Stocktake } from '../../shared/warehouse/stocktake';
import { onCommitMiddleware } from './on-commit';
import { rawCoreMiddleware, reportRowsMiddleware, type StoredReportRow } from './report-rows';
import type { Accessory } from '../../shared/accessories/catalogue';
import type { AccessoryEvent, AccessoryStock } from '../../shared/accessories/event';

/**
 * An accessory event as stored at the desk (`renderer/accessories/`): `sync` says whether the
 * central inventory has answered. An `invalid` one was refused there, and its change was taken
 * back out of the desk's stock.
 */
export type StoredAccessoryEvent = AccessoryEvent & {
  sync: 'pending' | 'accepted' | 'invalid';
  seq?: number;
  reason?: string;
  reasonCode?: string;
};

/** Accessory events waiting to be pushed, in the order they were recorded. */
export interface AccessoryOutboxEntry {
  n?: number;
  eventId: string;
  event: AccessoryEvent;
  attempts: number;
}

/**
 * A device as stored: the projection plus every identifier a scan may produce, for one index, and
 * each of them written backwards (`endings`), so "the last digits of an IMEI" is an index lookup too.
 */
export type StoredDevice = Device & { identifiers: string[]; endings: string[] };

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

/**
 * The central inventory's projection of a device as this desk last heard it (snapshot or pull),
 * and the `seq` of the last server event in it. `device: null` when the server withdrew the
 * device (an undone registration). The shown `devices` row is this with the desk's own
 * not-yet-confirmed events replayed on top (`renderer/sync/projection.ts`).
 */
export interface ConfirmedDevice {
  key: string;
  seq: number;
  device: Device | null;
}

/**
 * An event of this desk the central inventory did not apply: stored as a `conflict` (with the
 * server's reason) or answered `invalid` (not stored at all). Never deleted: a person settles it
 * by recording a correction (`corrected` with `resolves`), or acknowledges it when there is no
 * device left to correct.
 */
export interface ConflictRow {
  eventId: string;
  deviceKey: string;
  type: DeviceEvent['type'];
  status: 'conflict' | 'invalid';
  seq?: number;
  /** The server's English sentence: the fallback when this desk has no translation for the code. */
  reason: string;
  reasonCode: string;
  /** When the event was recorded (desk clock) and by whom, for the list. */
  at: string;
  operator: string;
  detectedAt: string;
  acknowledged?: { operator: string; at: string };
}

/**
 * A pulled event this desk cannot read (a type or field from a newer version, or one broken on
 * the way): kept as it came, listed with the conflicts and counted in the status bar, so the pull
 * goes on without it and nothing is silently dropped. Keyed by the server's `seq`.
 */
export interface UnreadableRow {
  seq: number;
  status: 'accepted' | 'conflict';
  /** The event as the server sent it (not a `DeviceEvent`: that is the point). */
  event: unknown;
  /** What this desk could not read in it (zod's issues, in English). */
  problem: string;
  /** The event's device and type when those at least could be read, for the list. */
  deviceKey?: string;
  type?: string;
  pulledAt: string;
}

/** The desk's sync bookkeeping, one row (`key: 'sync'`); see `renderer/sync/sync-state.ts`. */
export interface SyncStateRow {
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
  confirmed!: Table<ConfirmedDevice, string>;
  conflicts!: Table<ConflictRow, string>;
  syncState!: Table<SyncStateRow, string>;
  unreadable!: Table<UnreadableRow, number>;
  stocktakes!: Table<Stocktake, string>;
  countScans!: Table<CountScan, string>;
  disposalBatches!: Table<DisposalBatch, string>;
  operators!: Table<Operator, string>;
  reportRows!: Table<StoredReportRow, string>;
  accessories!: Table<Accessory, string>;
  accessoryEvents!: Table<StoredAccessoryEvent, string>;
  accessoryStock!: Table<AccessoryStock, [string, string]>;
  accessoryOutbox!: Table<AccessoryOutboxEntry, number>;
  /** Pulled accessory events this desk cannot read (a newer type): kept as they came, by the stream's `seq`. */
  accessoryUnreadable!: Table<{ seq: number; event: unknown; problem: string; pulledAt: string }, number>;

  constructor(name = 'kvikdesk') {
    super(name);
    // What must follow a commit at once (the scan's result on screen): `on-commit.ts`.
    this.use(onCommitMiddleware);
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
    // Sync with the central inventory. `[sync+seq]` finds this desk's answered events the pull has
    // not reached yet; `data.resolves` finds the correction that settles a conflict;
    // `event.deviceKey` finds a device's pending events for the replay.
    this.version(2).stores({
      events: 'id, [deviceKey+at], at, [deskId+at], sync, [sync+seq], data.resolves',
      outbox: '++n, &eventId, event.deviceKey',
      confirmed: 'key',
      conflicts: 'eventId, deviceKey, detectedAt',
      syncState: 'key',
    });
    // Pulled events this desk cannot read, kept aside (`renderer/sync/pull.ts`).
    this.version(3).stores({ unreadable: 'seq' });
    // Who held a device before: the register's employee view finds an employee's handouts (and
    // the imported rows that named them) by index, not by reading every event.
    this.version(4).stores({
      events: 'id, [deviceKey+at], at, [deskId+at], sync, [sync+seq], data.resolves, data.employeeId, data.holder.employeeId',
    });
    // --- warehouse (issue 8 §3–4): stocktakes, their scans, disposal batches (renderer/warehouse).
    // A count's scans are rows of their own, so a scan writes one small row, never the count's
    // frozen list; `[countId+id]` reads them in scan order (UUIDv7 ids are time-ordered).
    this.version(5).stores({
      stocktakes: 'id, [location+status], status',
      countScans: 'id, [countId+id]',
      disposalBatches: 'id, status',
    });
    // --- end warehouse
    // Operators from the central inventory: who may sign in, found by id or by badge.
    this.version(6).stores({ operators: 'id, badge, name' });
    // A scanned badge finds its employee by badge number (`shared/employees/search.ts`).
    this.version(7).stores({ employees: 'id, name, department, badge' });

    // ---- reports (issue 13): each device's holdings, shelf spans and handouts, kept with every
    // write of an event or a device by the middleware (`report-rows.ts`), built from the log by
    // `report-rows-rebuild.ts`. A version of its own; renumber freely at merge.
    this.version(8).stores({ reportRows: 'id, [part+place+endMs]' });
    this.use(rawCoreMiddleware);
    this.use(reportRowsMiddleware);
    // ---- end reports
    // The register: each identifier also written backwards, so the end of one (a label's last
    // digits) is an index lookup (`renderer/register/read-register.ts`).
    this.version(9)
      .stores({ devices: 'key, *identifiers, *endings, status, [location+status], model, holder.employeeId, holder.department, updatedAt' })
      .upgrade((tx) =>
        tx
          .table<StoredDevice, string>('devices')
          .toCollection()
          .modify((device) => {
            device.endings = endingsOf(device.identifiers ?? []);
          }),
      );
    // ---- accessories (issue 10): the catalogue (reference data), the counted-stock events of
    // their own stream, the per-location count kept with every event in the same transaction
    // (never summed per question), and their outbox (`renderer/accessories/`).
    this.version(10).stores({
      accessories: 'id, name',
      accessoryEvents: 'id, [location+accessory], [location+at], [deskId+at], sync',
      accessoryStock: '[location+accessory], location',
      accessoryOutbox: '++n, &eventId',
      accessoryUnreadable: 'seq',
    });
    // ---- end accessories
    // A paired SIM's ICCID is one of its phone's identifiers (`deviceIdentifiers`), so a SIM is
    // never paired with a second phone: index the phones paired before this version.
    this.version(13).upgrade((tx) =>
      tx
        .table<StoredDevice, string>('devices')
        .filter((device) => typeof device.sim === 'string' && device.sim.length > 0)
        .modify((device) => {
          Object.assign(device, storedDevice(device));
        }),
    );
    // The report rows read as ranges of their ids, found per device by its key when rewritten
    // (`row-ids.ts`); their rows version (`ROWS_VERSION`) rebuilds them in the new form.
    this.version(14).stores({ reportRows: 'id, deviceKey' });
  }
}

export function storedDevice(device: Device): StoredDevice {
  const identifiers = deviceIdentifiers(device);
  return { ...device, identifiers, endings: endingsOf(identifiers) };
}

/** Identifiers written backwards: an index over them finds any identifier by its end. */
export function endingsOf(identifiers: readonly string[]): string[] {
  return identifiers.map(backwards);
}

export function backwards(text: string): string {
  return [...text].reverse().join('');
}
