import type { Device } from '../../shared/domain/device';
import { deviceEventSchema, type DeviceEvent } from '../../shared/domain/event';
import { jsonBytes } from '../../shared/domain/limits';
import { DeviceReplay } from '../../shared/lifecycle/apply';
import { checkPushedEvent, invalidResult, type InvalidResult, type PushResult, type StoredStatus } from '../../shared/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { isContentError } from '../db/content-errors';
import { decide } from './decide';
import { permissionCheck, refuseUnpermitted } from './permission';
import { operatorRoles } from '../operators/operators';
import type { Role } from '../../shared/auth/roles';
import { checkResolves, namedByResolves, recordRefused, refusedOf } from './resolves';
import { isSameEvent } from './same-event';
import { optionalText, text, toDevice, toSeq, toStoredStatus } from './rows';
import { refreshReportRows } from '../reports/rows';

interface Stored {
  seq: number;
  status: StoredStatus;
  reason?: string;
  reasonCode?: string;
  /** Who stored it and what, to tell a true repeat from an id reused with other content. */
  deskId: string;
  event: unknown;
}

/** How the log holds one event of a push, in the push's order. */
export type Answer =
  | ({ kind: 'stored' } & Stored)
  | ({ kind: 'duplicate' } & Stored)
  | { kind: 'refused'; result: InvalidResult };

interface NewRow extends Stored {
  event: DeviceEvent;
  /** For an accepted correction: the device it left (`null`: withdrawn). */
  result?: Device | null;
}

/** Projection entries a batch changed: `null` when a void or an undo withdrew the device. */
type Touched = Map<string, { seq: number; device: Device | null }>;

/**
 * Stores one push from `deskId` and answers each element in order. Elements are judged on their
 * own first (`invalid` is never stored); the valid ones go into the log and the projection in one
 * transaction, so a failure anywhere leaves nothing behind and a retry starts from scratch.
 */
export async function storePush(db: Database, deskId: string, elements: readonly unknown[]): Promise<PushResult[]> {
  const checked = elements.map((raw) => checkPushedEvent(raw, deskId));
  const valid = checked.flatMap((check) => (check.ok ? [check.event] : []));
  const answers = await appendEvents(db, valid, await operatorRoles(db));
  // Refused events stay nameable by a later correction's `resolves` (its own and the database's).
  const refused = [
    ...checked.flatMap((check, i) => (check.ok ? [] : [refusedOf(elements[i], check.result, deskId)])),
    ...answers.flatMap((answer, i) => (answer.kind === 'refused' ? [refusedOf(valid[i], answer.result, deskId)] : [])),
  ];
  await recordRefused(db, refused.filter((r) => r !== null));
  let next = 0;
  return checked.map((check): PushResult => {
    if (!check.ok) return check.result;
    const answer = answers[next++];
    if (!answer) throw new Error(`push lost track of event ${check.event.id}`);
    return resultOf(check.event.id, answer);
  });
}

/**
 * Checked events into the log, one answer per event in order. All in one transaction; when the
 * database refuses the content of one (it should not, after the checks, but a database is the
 * last judge), the same transaction goes again event by event behind savepoints, so that event is
 * answered `invalid` and its neighbours are stored — never a failed batch a desk retries forever.
 */
export async function appendEvents(db: Database, events: readonly DeviceEvent[], roles: ReadonlyMap<string, Role> = new Map()): Promise<Answer[]> {
  if (events.length === 0) return [];
  try {
    return await db.transaction((tx) => appendToLog(tx, events, roles));
  } catch (error) {
    if (!isContentError(error)) throw error;
  }
  return db.transaction(async (tx) => {
    const answers: Answer[] = [];
    for (const event of events) {
      await tx.exec('SAVEPOINT one_event');
      try {
        answers.push(...(await appendToLog(tx, [event], roles)));
        await tx.exec('RELEASE SAVEPOINT one_event');
      } catch (error) {
        if (!isContentError(error)) throw error;
        await tx.exec('ROLLBACK TO SAVEPOINT one_event');
        const reason = `the database refused its content: ${error instanceof Error ? error.message : String(error)}`;
        answers.push({ kind: 'refused', result: invalidResult(event.id, 'invalid_event', reason) });
      }
    }
    return answers;
  });
}

function resultOf(id: string, answer: Answer): PushResult {
  if (answer.kind === 'refused') return answer.result;
  if (answer.kind === 'duplicate')
    return { id, status: 'duplicate', seq: answer.seq, stored: answer.status, reason: answer.reason, reasonCode: answer.reasonCode };
  if (answer.status === 'accepted') return { id, status: 'accepted', seq: answer.seq };
  return { id, status: 'conflict', seq: answer.seq, reason: answer.reason ?? '', reasonCode: answer.reasonCode ?? '' };
}

function idConflict(event: DeviceEvent, stored: Stored): Answer {
  const reason =
    stored.deskId !== event.deskId
      ? `event id ${event.id} is already stored for another desk`
      : `event id ${event.id} is already stored with other content`;
  return { kind: 'refused', result: invalidResult(event.id, 'id_conflict', reason) };
}

/**
 * The transaction. Locking `sync_head` first serialises pushes (see migration 001): the ids and
 * devices read below cannot change under us, and `seq`s commit in order. The device import calls
 * it too, in chunks inside its own transaction (without `roles`: the command line is trusted).
 * With `roles`, an operator's event their role does not allow is stored as a `not_permitted`
 * conflict (`permission.ts`).
 */
export async function appendToLog(tx: Queryable, events: readonly DeviceEvent[], roles: ReadonlyMap<string, Role> = new Map()): Promise<Answer[]> {
  const [headRow] = await tx.query('SELECT seq FROM sync_head FOR UPDATE');
  let head = toSeq(headRow?.seq);
  const permission = await permissionCheck(tx, roles, events);

  const ids = [...new Set(events.map((event) => event.id.toLowerCase()))];
  const known = new Map<string, Stored>();
  for (const row of await tx.query(
    'SELECT id, seq, status, reason, reason_code, desk_id, event FROM events WHERE id = ANY($1::uuid[])',
    [ids],
  ))
    known.set(String(row.id), {
      seq: toSeq(row.seq),
      status: toStoredStatus(row.status),
      reason: optionalText(row.reason),
      reasonCode: optionalText(row.reason_code),
      deskId: text(row.desk_id),
      event: row.event,
    });

  const named = await namedByResolves(tx, events);

  const keys = [...new Set(events.map((event) => event.deviceKey))];
  const current = new Map<string, Device>();
  for (const row of await tx.query('SELECT key, device FROM devices WHERE key = ANY($1::text[])', [keys]))
    current.set(String(row.key), toDevice(row));
  const replays = new Map<string, DeviceReplay>();
  const replayOf = async (event: DeviceEvent): Promise<DeviceReplay> => {
    let replay = replays.get(event.deviceKey);
    if (!replay) replays.set(event.deviceKey, (replay = new DeviceReplay(current.get(event.deviceKey) ?? null)));
    // An undo is decided from the log: the state before the device's latest event, as the
    // server applied it. Read only for undos of events stored before this batch (rare).
    if (event.type === 'corrected' && event.data.undoes && replay.latest === undefined && replay.state)
      replay.latest = (await replayFromLog(tx, event.deviceKey)).latest;
    return replay;
  };

  const answers: Answer[] = [];
  const rows: NewRow[] = [];
  const touched: Touched = new Map();
  for (const event of events) {
    const id = event.id.toLowerCase();
    const earlier = known.get(id);
    if (earlier) {
      // Stored earlier, or earlier in this batch: a true repeat is a duplicate; anything else
      // reusing the id must not pass for the stored event (the desk would drop it as answered).
      answers.push(earlier.deskId === event.deskId && isSameEvent(earlier.event, event) ? { kind: 'duplicate', ...earlier } : idConflict(event, earlier));
      continue;
    }
    const replay = await replayOf(event);
    const decision =
      refuseUnpermitted(permission, event, replay.state) ?? checkResolves(event, named, replay.state?.status ?? 'none') ?? decide(replay, event);
    head += 1;
    const stored: Stored =
      decision.status === 'accepted'
        ? { seq: head, status: 'accepted', deskId: event.deskId, event }
        : { seq: head, status: 'conflict', reason: decision.reason, reasonCode: decision.reasonCode, deskId: event.deskId, event };
    if (decision.status === 'accepted') touched.set(event.deviceKey, { seq: head, device: decision.device });
    known.set(id, stored);
    // A conflict earlier in this batch may be resolved later in it.
    if (stored.status === 'conflict') named.set(id, { status: 'conflict', deskId: event.deskId, deviceKey: event.deviceKey });
    answers.push({ kind: 'stored', ...stored });
    const result = decision.status === 'accepted' && event.type === 'corrected' ? { result: decision.device } : {};
    rows.push({ ...stored, event, ...result });
  }
  if (rows.length === 0) return answers;

  await insertEvents(tx, rows);
  await writeProjection(tx, touched);
  // The reports' digests of the devices whose log or projection changed, in the same transaction.
  await refreshReportRows(tx, [...touched.keys()], new Map([...touched].map(([key, { device }]) => [key, device])));
  await tx.query('UPDATE sync_head SET seq = $1', [head]);
  return answers;
}

/** A device's accepted events from the log, replayed in server order. */
async function replayFromLog(tx: Queryable, key: string): Promise<DeviceReplay> {
  const replay = new DeviceReplay();
  const rows = await tx.query("SELECT event FROM events WHERE device_key = $1 AND status = 'accepted' ORDER BY seq", [key]);
  for (const row of rows) {
    const parsed = deviceEventSchema.safeParse(row.event);
    if (parsed.success) replay.step(parsed.data);
  }
  return replay;
}

async function insertEvents(tx: Queryable, rows: readonly NewRow[]): Promise<void> {
  const records = rows.map((row) => ({
    seq: row.seq,
    id: row.event.id,
    device_key: row.event.deviceKey,
    desk_id: row.event.deskId,
    type: row.event.type,
    status: row.status,
    reason: row.reason ?? null,
    reason_code: row.reasonCode ?? null,
    // The parsed event, never the element as sent: fields the schema does not name are gone.
    event: row.event,
    result: row.result === undefined ? null : { device: row.result },
    // What a pull page carries of it: the event and a correction's result.
    bytes: jsonBytes(row.event) + (row.result === undefined ? 0 : jsonBytes({ device: row.result })),
  }));
  await tx.query(
    `INSERT INTO events (seq, id, device_key, desk_id, type, status, reason, reason_code, event, result, bytes)
     SELECT seq, id, device_key, desk_id, type, status, reason, reason_code, event, result, bytes
     FROM jsonb_to_recordset($1::jsonb) AS r(
       seq bigint, id uuid, device_key text, desk_id text, type text,
       status text, reason text, reason_code text, event jsonb, result jsonb, bytes integer)`,
    [JSON.stringify(records)],
  );
}

async function writeProjection(tx: Queryable, touched: Touched): Promise<void> {
  const upserts = [...touched].flatMap(([key, { seq, device }]) =>
    device === null ? [] : [{ key, seq, status: device.status, device, bytes: jsonBytes(device) }],
  );
  const removed = [...touched].flatMap(([key, { device }]) => (device === null ? [key] : []));
  if (upserts.length > 0)
    await tx.query(
      `INSERT INTO devices (key, seq, status, device, bytes)
       SELECT key, seq, status, device, bytes
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, seq bigint, status text, device jsonb, bytes integer)
       ON CONFLICT (key) DO UPDATE SET seq = EXCLUDED.seq, status = EXCLUDED.status, device = EXCLUDED.device, bytes = EXCLUDED.bytes`,
      [JSON.stringify(upserts)],
    );
  if (removed.length > 0) await tx.query('DELETE FROM devices WHERE key = ANY($1::text[])', [removed]);
}
