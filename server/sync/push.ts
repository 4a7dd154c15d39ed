import type { Device } from '../../shared/domain/device';
import { deviceEventSchema, type DeviceEvent } from '../../shared/domain/event';
import { DeviceReplay } from '../../shared/lifecycle/apply';
import { checkPushedEvent, type PushResult, type StoredStatus } from '../../shared/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { decide } from './decide';
import { optionalText, toDevice, toSeq, toStoredStatus } from './rows';

interface Stored {
  seq: number;
  status: StoredStatus;
  reason?: string;
  reasonCode?: string;
  /** Stored by this push (answered accepted/conflict), not found from before (duplicate). */
  fresh: boolean;
}

interface NewRow extends Stored {
  event: DeviceEvent;
  raw: unknown;
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
  const checked = elements.map((raw) => ({ raw, check: checkPushedEvent(raw, deskId) }));
  const valid = checked.flatMap(({ raw, check }) => (check.ok ? [{ raw, event: check.event }] : []));
  const stored = valid.length === 0 ? new Map<string, Stored>() : await db.transaction((tx) => appendToLog(tx, valid));
  // The first element with a freshly stored id is answered as stored; a repeat of it in the same
  // batch is its duplicate, like a repeat in a later batch.
  const answered = new Set<string>();
  return checked.map(({ check }): PushResult => {
    if (!check.ok) return check.result;
    const { id } = check.event;
    const key = id.toLowerCase();
    const entry = stored.get(key);
    if (!entry) throw new Error(`push lost track of event ${id}`);
    const first = entry.fresh && !answered.has(key);
    answered.add(key);
    if (first) return firstAnswer(id, entry);
    return { id, status: 'duplicate', seq: entry.seq, stored: entry.status, reason: entry.reason, reasonCode: entry.reasonCode };
  });
}

function firstAnswer(id: string, entry: Stored): PushResult {
  if (entry.status === 'accepted') return { id, status: 'accepted', seq: entry.seq };
  return { id, status: 'conflict', seq: entry.seq, reason: entry.reason ?? '', reasonCode: entry.reasonCode ?? '' };
}

/**
 * The transaction. Locking `sync_head` first serialises pushes (see migration 001): the ids and
 * devices read below cannot change under us, and `seq`s commit in order.
 * Returns, per lower-cased event id, how it is stored.
 */
async function appendToLog(
  tx: Queryable,
  valid: ReadonlyArray<{ raw: unknown; event: DeviceEvent }>,
): Promise<Map<string, Stored>> {
  const [headRow] = await tx.query('SELECT seq FROM sync_head FOR UPDATE');
  let head = toSeq(headRow?.seq);

  const ids = [...new Set(valid.map(({ event }) => event.id.toLowerCase()))];
  const known = new Map<string, Stored>();
  for (const row of await tx.query(
    'SELECT id, seq, status, reason, reason_code FROM events WHERE id = ANY($1::uuid[])',
    [ids],
  ))
    known.set(String(row.id), {
      seq: toSeq(row.seq),
      status: toStoredStatus(row.status),
      reason: optionalText(row.reason),
      reasonCode: optionalText(row.reason_code),
      fresh: false,
    });

  const keys = [...new Set(valid.map(({ event }) => event.deviceKey))];
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

  const rows: NewRow[] = [];
  const touched: Touched = new Map();
  for (const { raw, event } of valid) {
    const id = event.id.toLowerCase();
    if (known.has(id)) continue; // stored earlier, or earlier in this batch: answered as duplicate
    const decision = decide(await replayOf(event), event);
    head += 1;
    const entry: Stored =
      decision.status === 'accepted'
        ? { seq: head, status: 'accepted', fresh: true }
        : { seq: head, status: 'conflict', reason: decision.reason, reasonCode: decision.reasonCode, fresh: true };
    if (decision.status === 'accepted') touched.set(event.deviceKey, { seq: head, device: decision.device });
    known.set(id, entry);
    const result = decision.status === 'accepted' && event.type === 'corrected' ? { result: decision.device } : {};
    rows.push({ ...entry, event, raw, ...result });
  }
  if (rows.length === 0) return known;

  await insertEvents(tx, rows);
  await writeProjection(tx, touched);
  await tx.query('UPDATE sync_head SET seq = $1', [head]);
  return known;
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
    // The event as the desk sent it (it passed the schema): fields a newer desk adds survive.
    event: row.raw,
    result: row.result === undefined ? null : { device: row.result },
  }));
  await tx.query(
    `INSERT INTO events (seq, id, device_key, desk_id, type, status, reason, reason_code, event, result)
     SELECT seq, id, device_key, desk_id, type, status, reason, reason_code, event, result
     FROM jsonb_to_recordset($1::jsonb) AS r(
       seq bigint, id uuid, device_key text, desk_id text, type text,
       status text, reason text, reason_code text, event jsonb, result jsonb)`,
    [JSON.stringify(records)],
  );
}

async function writeProjection(tx: Queryable, touched: Touched): Promise<void> {
  const upserts = [...touched].flatMap(([key, { seq, device }]) =>
    device === null ? [] : [{ key, seq, status: device.status, device }],
  );
  const removed = [...touched].flatMap(([key, { device }]) => (device === null ? [key] : []));
  if (upserts.length > 0)
    await tx.query(
      `INSERT INTO devices (key, seq, status, device)
       SELECT key, seq, status, device
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, seq bigint, status text, device jsonb)
       ON CONFLICT (key) DO UPDATE SET seq = EXCLUDED.seq, status = EXCLUDED.status, device = EXCLUDED.device`,
      [JSON.stringify(upserts)],
    );
  if (removed.length > 0) await tx.query('DELETE FROM devices WHERE key = ANY($1::text[])', [removed]);
}
