import { v7 as uuidv7 } from 'uuid';
import { accessoryEventSchema, deltaOf, type AccessoryEvent, type AccessoryEventOf, type AccessoryEventType } from '../../shared/accessories/event';
import type { KvikDb, StoredAccessoryEvent } from '../store/db';
import type { DeskContext } from '../desk/desk-context';

/** A new accessory event from this desk at its location, with a fresh UUIDv7 and the desk clock's time. */
export function newAccessoryEvent<T extends AccessoryEventType>(ctx: DeskContext, type: T, accessory: string, data: AccessoryEventOf<T>['data'], now = new Date()): AccessoryEventOf<T> {
  return { id: uuidv7(), type, at: now.toISOString(), deskId: ctx.deskId, operator: ctx.operator, location: ctx.location, accessory, data } as AccessoryEventOf<T>;
}

export interface RecordedAccessory {
  event: AccessoryEvent;
  /** The location's count before and after it. */
  before: number;
  after: number;
}

/**
 * Records one accessory action: the event, its outbox entry and the location's count, in ONE
 * transaction, before the screen confirms anything. The count is kept, not summed from the log
 * per question: a desk's shelf is read by index in one step however long its history.
 */
export async function recordAccessoryEvent(db: KvikDb, event: AccessoryEvent): Promise<RecordedAccessory> {
  const valid = accessoryEventSchema.parse(event);
  return db.transaction('rw', [db.accessoryEvents, db.accessoryStock, db.accessoryOutbox], async () => {
    const [counts] = await Promise.all([
      countEvent(db, valid),
      db.accessoryEvents.add({ ...valid, sync: 'pending' }),
      db.accessoryOutbox.add({ eventId: valid.id, event: valid, attempts: 0 }),
    ]);
    return { event: valid, ...counts };
  });
}

/**
 * Moves the location's count by `event`'s change — or back by it (`sign` −1: the centre refused
 * an event this desk had counted). The one writer of `accessoryStock`; call it inside a
 * transaction that holds the table.
 */
export async function countEvent(db: KvikDb, event: AccessoryEvent, sign: 1 | -1 = 1): Promise<{ before: number; after: number }> {
  const before = await stockAt(db, event.location, event.accessory);
  const after = before + sign * deltaOf(event);
  await db.accessoryStock.put({ location: event.location, accessory: event.accessory, count: after });
  return { before, after };
}

/** An accessory's count at a location as this desk has it (its own events and every pulled one). */
export async function stockAt(db: KvikDb, location: string, accessory: string): Promise<number> {
  return (await db.accessoryStock.get([location, accessory]))?.count ?? 0;
}

/** This desk's accessories given out since a batch started, oldest first: the batch's lines and its receipt's. */
export async function issuedInBatch(db: KvikDb, deskId: string, startedAt: string): Promise<Array<AccessoryEventOf<'accessory_issued'>>> {
  const events = await batchAccessoryEvents(db, deskId, startedAt);
  return events.filter((e): e is StoredAccessoryEvent & AccessoryEventOf<'accessory_issued'> => e.type === 'accessory_issued');
}

/**
 * This desk's accessory events since a batch started, oldest first, without the ones the centre
 * refused and the ones undone (and the undos themselves): what the batch still holds.
 */
export async function batchAccessoryEvents(db: KvikDb, deskId: string, startedAt: string): Promise<StoredAccessoryEvent[]> {
  const events = (await db.accessoryEvents.where('[deskId+at]').between([deskId, startedAt], [deskId, '\uffff'], true, true).toArray()).filter((e) => e.sync !== 'invalid');
  const undone = new Set(events.flatMap((e) => (e.type === 'accessory_undone' ? [e.data.undoes] : [])));
  return events.filter((e) => e.type !== 'accessory_undone' && !undone.has(e.id));
}

/** Lines "2 × Oplader USB-C": the batch's issues per accessory, in the order first given. */
export function accessoryLines(issued: readonly AccessoryEventOf<'accessory_issued'>[], nameOf: (id: string) => string): Array<{ accessory: string; name: string; count: number }> {
  const lines = new Map<string, { accessory: string; name: string; count: number }>();
  for (const event of issued) {
    const line = lines.get(event.accessory) ?? { accessory: event.accessory, name: nameOf(event.accessory), count: 0 };
    line.count += event.data.count;
    lines.set(event.accessory, line);
  }
  return [...lines.values()];
}
