import { may, type Role } from '../../shared/auth/roles';
import { accessoryActionOf, accessoryEventSchema, deltaOf, isUndoable, type AccessoryEvent } from '../../shared/accessories/event';
import { checkPushedAccessoryEvent, type AccessoryPushResult, type AccessoryRefusalCode } from '../../shared/accessories/protocol';
import type { Database, Queryable } from '../db/database';
import { operatorRoles } from '../operators/operators';
import { canonical } from '../sync/same-event';
import { toSeq } from '../sync/rows';

/**
 * Stores one push of accessory events from `deskId` and answers each element in order. Each is
 * judged on its own — the envelope (`checkPushedAccessoryEvent`), then against the centre: a
 * repeat (`duplicate`, the first `seq`), an id reused with other content or by another desk
 * (`id_conflict`), the operator's role, the location and the accessory in the reference data — and
 * the good ones go into the stream and the stock projection in one transaction. A refused event is
 * not stored; its neighbours are.
 */
export async function storeAccessoryPush(db: Database, deskId: string, elements: readonly unknown[]): Promise<AccessoryPushResult[]> {
  const checked = elements.map((raw) => checkPushedAccessoryEvent(raw, deskId));
  const valid = checked.flatMap((c) => (c.ok ? [c.event] : []));
  const answers = valid.length > 0 ? await db.transaction((tx) => appendAccessoryEvents(tx, valid)) : [];
  let next = 0;
  return checked.map((c) => (c.ok ? (answers[next++] as AccessoryPushResult) : c.result));
}

const refuse = (id: string, reasonCode: AccessoryRefusalCode, reason: string): AccessoryPushResult => ({ id, status: 'invalid', reasonCode, reason });

async function appendAccessoryEvents(tx: Queryable, events: readonly AccessoryEvent[]): Promise<AccessoryPushResult[]> {
  // Pushes one after another (as the device log's `sync_head`): seqs commit in order, no gaps.
  const [head] = await tx.query('SELECT seq FROM accessory_head FOR UPDATE');
  let seq = toSeq(head?.seq);
  const roles: ReadonlyMap<string, Role> = await operatorRoles(tx);
  const known = new Map<string, { seq: number; deskId: string; event: unknown }>();
  // The pushed ids (repeats) and the events their undos name.
  const ids = events.flatMap((e) => [e.id.toLowerCase(), ...(e.type === 'accessory_undone' ? [e.data.undoes.toLowerCase()] : [])]);
  for (const row of await tx.query('SELECT id, seq, desk_id, event FROM accessory_events WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]))
    known.set(String(row.id), { seq: toSeq(row.seq), deskId: String(row.desk_id), event: row.event });
  const undone = await undoneTargets(tx, events);
  const locations = await existing(tx, 'locations', events.map((e) => e.location));
  const accessories = await existing(tx, 'accessories', events.map((e) => e.accessory));

  const answers: AccessoryPushResult[] = [];
  const rows: Array<{ seq: number; event: AccessoryEvent; delta: number }> = [];
  for (const event of events) {
    const id = event.id.toLowerCase();
    const earlier = known.get(id);
    if (earlier) {
      answers.push(
        earlier.deskId === event.deskId && sameContent(earlier.event, event)
          ? { id: event.id, status: 'duplicate', seq: earlier.seq }
          : refuse(event.id, 'id_conflict', `event id ${event.id} is already stored ${earlier.deskId === event.deskId ? 'with other content' : 'for another desk'}`),
      );
      continue;
    }
    const refusal = judge(event, roles, locations, accessories) ?? judgeUndo(event, known, undone);
    if (refusal) {
      answers.push(refusal);
      continue;
    }
    seq += 1;
    known.set(id, { seq, deskId: event.deskId, event });
    if (event.type === 'accessory_undone') undone.add(event.data.undoes.toLowerCase());
    rows.push({ seq, event, delta: deltaOf(event) });
    answers.push({ id: event.id, status: 'accepted', seq });
  }
  if (rows.length === 0) return answers;
  const records = rows.map(({ seq, event, delta }) => ({
    seq,
    id: event.id,
    desk_id: event.deskId,
    type: event.type,
    location: event.location,
    accessory: event.accessory,
    delta,
    undoes: event.type === 'accessory_undone' ? event.data.undoes : null,
    event,
  }));
  await tx.query(
    `INSERT INTO accessory_events (seq, id, desk_id, type, location, accessory, delta, undoes, event)
     SELECT seq, id, desk_id, type, location, accessory, delta, undoes, event
     FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, id uuid, desk_id text, type text, location text, accessory text, delta integer, undoes uuid, event jsonb)`,
    [JSON.stringify(records)],
  );
  // The projection: one row per location and accessory, summed over this push's changes.
  const sums = new Map<string, { location: string; accessory: string; delta: number; seq: number }>();
  for (const { seq, event, delta } of rows) {
    const key = JSON.stringify([event.location, event.accessory]);
    const sum = sums.get(key) ?? { location: event.location, accessory: event.accessory, delta: 0, seq };
    sum.delta += delta;
    sum.seq = seq;
    sums.set(key, sum);
  }
  await tx.query(
    `INSERT INTO accessory_stock (location, accessory, count, seq)
     SELECT location, accessory, delta, seq FROM jsonb_to_recordset($1::jsonb) AS r(location text, accessory text, delta integer, seq bigint)
     ON CONFLICT (location, accessory) DO UPDATE SET count = accessory_stock.count + EXCLUDED.count, seq = EXCLUDED.seq`,
    [JSON.stringify([...sums.values()])],
  );
  await tx.query('UPDATE accessory_head SET seq = $1', [seq]);
  return answers;
}

/**
 * The centre's checks of one well-formed event. While no operator is set up (a trial server)
 * anyone may; then the operator must be one, and a count correction needs a team lead. A location
 * or an accessory the reference data does not hold would be stock nobody can see.
 */
function judge(event: AccessoryEvent, roles: ReadonlyMap<string, Role>, locations: ReadonlySet<string>, accessories: ReadonlySet<string>): AccessoryPushResult | undefined {
  if (roles.size > 0) {
    const role = roles.get(event.operator);
    const action = accessoryActionOf(event);
    if (role === undefined) return refuse(event.id, 'not_permitted', `operator ${event.operator} is not set up on the central inventory`);
    if (action && !may(role, action)) return refuse(event.id, 'not_permitted', `${role} may not ${action}`);
  }
  if (!locations.has(event.location)) return refuse(event.id, 'unknown_location', `location ${event.location} is not in the reference data`);
  if (!accessories.has(event.accessory)) return refuse(event.id, 'unknown_accessory', `accessory ${event.accessory} is not in the catalogue`);
  return undefined;
}

/**
 * An undo takes back exactly one stored receive or issue (stored before or earlier in this push)
 * of the same desk, place and accessory, by its opposite change, once.
 */
function judgeUndo(event: AccessoryEvent, known: ReadonlyMap<string, { deskId: string; event: unknown }>, undone: ReadonlySet<string>): AccessoryPushResult | undefined {
  if (event.type !== 'accessory_undone') return undefined;
  const target = event.data.undoes.toLowerCase();
  const parsed = accessoryEventSchema.safeParse(known.get(target)?.event);
  if (!parsed.success) return refuse(event.id, 'bad_undo', `event ${event.data.undoes} is not stored`);
  const named = parsed.data;
  if (named.deskId !== event.deskId) return refuse(event.id, 'bad_undo', `event ${named.id} belongs to another desk`);
  if (!isUndoable(named)) return refuse(event.id, 'bad_undo', `a ${named.type} is not undone; a count corrects it`);
  if (named.location !== event.location || named.accessory !== event.accessory) return refuse(event.id, 'bad_undo', `event ${named.id} is of another location or accessory`);
  if (event.data.delta !== -deltaOf(named)) return refuse(event.id, 'bad_undo', `undoing ${named.id} changes the count by ${-deltaOf(named)}, not ${event.data.delta}`);
  if (undone.has(target)) return refuse(event.id, 'bad_undo', `event ${named.id} is already undone`);
  return undefined;
}

/** The events an undo of this push names, with the stored ones among them, and which are undone already. */
async function undoneTargets(tx: Queryable, events: readonly AccessoryEvent[]): Promise<Set<string>> {
  const targets = events.flatMap((e) => (e.type === 'accessory_undone' ? [e.data.undoes.toLowerCase()] : []));
  if (targets.length === 0) return new Set();
  const rows = await tx.query('SELECT undoes FROM accessory_events WHERE undoes = ANY($1::uuid[])', [targets]);
  return new Set(rows.map((row) => String(row.undoes)));
}

async function existing(tx: Queryable, table: 'locations' | 'accessories', ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
  return new Set(rows.map((row) => String(row.id)));
}

/** A repeat is the same content whatever the key order or the uuid's case. */
function sameContent(stored: unknown, pushed: AccessoryEvent): boolean {
  const parsed = accessoryEventSchema.safeParse(stored);
  const lower = (event: unknown) => (typeof event === 'object' && event !== null && 'id' in event && typeof event.id === 'string' ? { ...event, id: event.id.toLowerCase() } : event);
  return canonical(lower(parsed.success ? parsed.data : stored)) === canonical(lower(pushed));
}

/** Stored events after `after`, in `seq` order: a page and whether more wait. */
export async function readAccessoryEvents(db: Queryable, after: number, limit: number): Promise<{ events: Array<{ seq: number; event: unknown }>; last: number; more: boolean }> {
  const rows = await db.query('SELECT seq, event FROM accessory_events WHERE seq > $1 ORDER BY seq LIMIT $2', [after, limit + 1]);
  const more = rows.length > limit;
  const events = rows.slice(0, limit).map((row) => ({ seq: toSeq(row.seq), event: row.event }));
  return { events, last: events.at(-1)?.seq ?? after, more };
}

/** The stock projection: every location's count of every accessory it has had. */
export async function readAccessoryStock(db: Queryable): Promise<Array<{ location: string; accessory: string; count: number }>> {
  const rows = await db.query('SELECT location, accessory, count FROM accessory_stock ORDER BY location COLLATE "C", accessory COLLATE "C"');
  return rows.map((row) => ({ location: String(row.location), accessory: String(row.accessory), count: Number(row.count) }));
}
