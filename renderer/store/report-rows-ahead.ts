import Dexie from 'dexie';
import type { DeviceEvent } from '../../shared/domain/event';
import type { KvikDb } from './db';
import { packIdOf, type HoldingPackRow } from './holding-packs';

/**
 * What recomputing one device's report rows reads — its events and its holdings pack — read ahead
 * of the write of its event, beside the reads the writer makes anyway: the scan path reads them
 * with its lookup of the device (`perform-scan.ts`), and the report rows' middleware
 * (`report-rows.ts`) then replaces the device's rows in the same round trip as the event's write,
 * instead of reading them after it.
 *
 * Only a hint: what was read is used only if nothing wrote events or holding packs in the
 * transaction since the read was made (`noteRowsWrite` counts every such write), and only once;
 * otherwise the middleware reads as it always does.
 */

interface Ahead {
  events: DeviceEvent[];
  pack: HoldingPackRow | undefined;
  /** The transaction's write count when the read was made. */
  writes: number;
}

const aheadIn = new WeakMap<object, Map<string, Ahead>>();
const writesIn = new WeakMap<object, number>();

/** Every write of events or of a holding pack within `trans` (Dexie's `idbtrans`): what was read ahead before it is stale. */
export function noteRowsWrite(trans: object): number {
  const writes = (writesIn.get(trans) ?? 0) + 1;
  writesIn.set(trans, writes);
  return writes;
}

export function rowsWritesIn(trans: object): number {
  return writesIn.get(trans) ?? 0;
}

/**
 * Within the current read-write transaction, reads what recomputing `deviceKey`'s rows needs, for
 * the write of its event that follows in the same transaction. Outside a transaction, nothing.
 */
export async function readRowsAhead(db: KvikDb, deviceKey: string): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans || trans.mode !== 'readwrite') return;
  const writes = rowsWritesIn(trans);
  const [events, pack] = await Promise.all([
    db.events.where('[deviceKey+at]').between([deviceKey, Dexie.minKey], [deviceKey, Dexie.maxKey], true, true).toArray(),
    db.reportRows.get(packIdOf(deviceKey)) as Promise<HoldingPackRow | undefined>,
  ]);
  let ahead = aheadIn.get(trans);
  if (!ahead) aheadIn.set(trans, (ahead = new Map()));
  ahead.set(deviceKey, { events, pack, writes });
}

/** What was read ahead for `deviceKey` in `trans`, if nothing wrote events or packs since: taken, so used once. */
export function takeRowsAhead(trans: object, deviceKey: string): Omit<Ahead, 'writes'> | undefined {
  const ahead = aheadIn.get(trans);
  const found = ahead?.get(deviceKey);
  ahead?.delete(deviceKey);
  return found && found.writes === rowsWritesIn(trans) ? found : undefined;
}
