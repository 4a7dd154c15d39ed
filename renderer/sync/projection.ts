import Dexie from 'dexie';
import type { DeviceEvent } from '../../shared/domain/event';
import { storedDevice, type ConfirmedDevice, type KvikDb, type StoredDevice } from '../store/db';
import type { LatestEvent } from '../../shared/lifecycle/corrections';
import { latestOf } from '../store/latest-event';
import { showDevice } from './replay';

/** The tables a projection rebuild reads and writes: every sync transaction includes them. */
export function projectionTables(db: KvikDb) {
  return [db.devices, db.confirmed, db.events, db.outbox];
}

/**
 * Sets the shown `devices` row of each key to its confirmed state with this desk's own
 * unconfirmed events replayed on top. Call inside a transaction over `projectionTables`.
 *
 * This desk's unconfirmed events for a key are (1) those answered `accepted` whose `seq` the
 * device's confirmed state has not reached yet — pushed, but not pulled back — in `seq` order,
 * then (2) those still in the outbox, in the order they were recorded. The outbox is pushed from
 * its front, so (1) were all recorded before (2). `replayFloor` is the pull cursor: an accepted
 * event at or below it is already in `confirmed`, so only the few above it are read.
 */
export async function rebuildShown(db: KvikDb, keys: Iterable<string>, replayFloor: number): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const local = await localEvents(db, unique, replayFloor);
  const confirmed = await db.confirmed.bulkGet(unique);
  const undone = await undoTargets(db, local);
  const puts: StoredDevice[] = [];
  const deletes: string[] = [];
  unique.forEach((key, i) => {
    const shown = shownFor(confirmed[i], local.get(key), undone);
    if (shown) puts.push(shown);
    else deletes.push(key);
  });
  if (puts.length > 0) await db.devices.bulkPut(puts);
  if (deletes.length > 0) await db.devices.bulkDelete(deletes);
}

interface LocalEvents {
  accepted: Array<{ seq: number; event: DeviceEvent }>;
  pending: Array<{ n: number; event: DeviceEvent }>;
}

/** The keys among `keys` that have unconfirmed events of this desk, with those events. */
export async function localEvents(db: KvikDb, keys: readonly string[], replayFloor: number): Promise<Map<string, LocalEvents>> {
  const wanted = new Set(keys);
  const local = new Map<string, LocalEvents>();
  const entry = (key: string) => {
    let found = local.get(key);
    if (!found) local.set(key, (found = { accepted: [], pending: [] }));
    return found;
  };
  const pending = await db.outbox.where('event.deviceKey').anyOf(keys).toArray();
  for (const row of pending) entry(row.event.deviceKey).pending.push({ n: row.n ?? 0, event: row.event });
  const unpulled = await db.events.where('[sync+seq]').between(['accepted', replayFloor], ['accepted', Dexie.maxKey], false, true).toArray();
  for (const stored of unpulled)
    if (wanted.has(stored.deviceKey) && stored.seq !== undefined) entry(stored.deviceKey).accepted.push({ seq: stored.seq, event: stored });
  return local;
}

/** This desk's own events that its unconfirmed undos name, as an undo of them needs them. */
async function undoTargets(db: KvikDb, local: Map<string, LocalEvents>): Promise<Map<string, LatestEvent>> {
  const ids = [...local.values()].flatMap(({ accepted, pending }) =>
    [...accepted, ...pending].flatMap(({ event }) => (event.type === 'corrected' && event.data.undoes ? [event.data.undoes] : [])),
  );
  const targets = new Map<string, LatestEvent>();
  if (ids.length === 0) return targets;
  for (const event of await db.events.bulkGet(ids)) if (event?.prior !== undefined) targets.set(event.id, latestOf(event));
  return targets;
}

function shownFor(
  confirmed: ConfirmedDevice | undefined,
  local: LocalEvents | undefined,
  undone: ReadonlyMap<string, LatestEvent>,
): StoredDevice | null {
  const base = confirmed?.device ?? null;
  if (!local) return base ? storedDevice(base) : null;
  const since = confirmed?.seq ?? 0;
  const events = [
    ...local.accepted.filter((a) => a.seq > since).sort((a, b) => a.seq - b.seq),
    ...local.pending.sort((a, b) => a.n - b.n),
  ].map((e) => e.event);
  const latest = base ? undone.get(base.lastEventId) : undefined;
  const { device } = showDevice(base, events, latest);
  return device ? storedDevice(device) : null;
}
