import { deviceSchema, type Device } from '../../shared/domain/device';
import type { DevicesResponse, PulledEvent, PullResponse, Seq } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { optionalText, text, toDevice, toSeq, toStoredStatus } from './rows';

/**
 * A pull page as the server sends it: each event exactly as stored (it passed the schema when it
 * was pushed), not re-parsed, so fields a newer desk added reach other newer desks intact.
 */
export type PullPage = Omit<PullResponse, 'events'> & { events: Array<Omit<PulledEvent, 'event'> & { event: unknown }> };

/**
 * Events after `after`, in `seq` order. One statement sees one snapshot, and pushes commit in
 * `seq` order, so the rows are always a gap-free run: pull never skips an event.
 */
export async function readEvents(db: Queryable, after: Seq, limit: number): Promise<PullPage> {
  const rows = await db.query(
    'SELECT seq, status, reason, reason_code, event, result FROM events WHERE seq > $1 ORDER BY seq LIMIT $2',
    [after, limit + 1],
  );
  const page = rows.slice(0, limit).map((row) => {
    const reason = optionalText(row.reason);
    const reasonCode = optionalText(row.reason_code);
    return {
      seq: toSeq(row.seq),
      status: toStoredStatus(row.status),
      ...(reason !== undefined ? { reason } : {}),
      ...(reasonCode !== undefined ? { reasonCode } : {}),
      ...correctionResult(row.result),
      event: row.event,
    };
  });
  return { events: page, last: page.at(-1)?.seq ?? after, more: rows.length > limit };
}

/** A correction's stored result (`{ device }`, the device possibly `null`) as the pull carries it. */
function correctionResult(stored: unknown): { device?: Device | null } {
  if (typeof stored !== 'object' || stored === null || !('device' in stored)) return {};
  return { device: stored.device === null ? null : deviceSchema.parse(stored.device) };
}

/**
 * A page of the central projection in key order and the head it reflects. One statement, one
 * snapshot: no device in the page has a `seq` beyond `asOf`.
 */
export async function readDevices(db: Queryable, after: string | undefined, limit: number): Promise<DevicesResponse> {
  const rows = await db.query(
    `SELECT h.seq AS as_of, d.key, d.seq, d.device
     FROM sync_head h
     LEFT JOIN LATERAL (
       SELECT key, seq, device FROM devices
       WHERE $1::text IS NULL OR key > $1::text COLLATE "C"
       ORDER BY key LIMIT $2
     ) d ON true`,
    [after ?? null, limit + 1],
  );
  const asOf = toSeq(rows[0]?.as_of ?? 0);
  const present = rows.filter((row) => row.key !== null);
  const page = present.slice(0, limit).map((row) => ({ seq: toSeq(row.seq), device: toDevice(row) }));
  const lastKey = present.length > limit ? text(present[limit - 1]?.key) : null;
  if (after !== undefined) return { devices: page, asOf, next: lastKey };
  // The first page also says how many devices there are, for the desk's progress bar. A separate
  // statement may count a device or two more than the page saw: it is a progress estimate.
  const [count] = await db.query('SELECT count(*) AS total FROM devices');
  return { devices: page, asOf, next: lastKey, total: toSeq(count?.total ?? 0) };
}

export async function readHead(db: Queryable): Promise<Seq> {
  const [row] = await db.query('SELECT seq FROM sync_head');
  return toSeq(row?.seq);
}
