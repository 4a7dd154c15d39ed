import { deviceSchema, type Device } from '../../shared/domain/device';
import type { DevicesResponse, PullPage, Seq } from '../../shared/sync/protocol';
import type { Queryable, Row } from '../db/database';
import { optionalText, text, toDevice, toSeq, toStoredStatus } from './rows';

/**
 * The rows of a page that fit its byte budget: in order, while the running total stays within it —
 * and always the first, so a page is never empty while rows wait (a row larger than the budget
 * goes alone). `running` is each row's total including itself and `fetched` how many rows the
 * query looked at (`limit + 1` at most), as the queries below compute them: more rows wait when
 * it looked at more than are kept.
 */
export function withinBudget(rows: readonly Row[], limit: number, maxBytes: number): { rows: Row[]; more: boolean } {
  const kept: Row[] = [];
  for (const row of rows.slice(0, limit)) {
    if (kept.length > 0 && toSeq(row.running) > maxBytes) break;
    kept.push(row);
  }
  const fetched = rows[0]?.fetched === undefined || rows[0].fetched === null ? 0 : toSeq(rows[0].fetched);
  return { rows: kept, more: fetched > kept.length };
}

/**
 * Events after `after`, in `seq` order: at most `limit`, and no more than `maxBytes` of them (as
 * JSON) beyond the first. One statement sees one snapshot, and pushes commit in `seq` order, so
 * the rows are always a gap-free run: pull never skips an event. Each event goes out exactly as
 * stored (it passed the schema when it was pushed), not re-parsed. Rows past the budget are never
 * sent to this process, so a run of large events cannot make a page no one can carry.
 */
export async function readEvents(db: Queryable, after: Seq, limit: number, maxBytes: number): Promise<PullPage> {
  const rows = await db.query(
    `SELECT seq, status, reason, reason_code, event, result, running, fetched FROM (
       SELECT *, sum(size) OVER (ORDER BY seq ROWS UNBOUNDED PRECEDING) AS running, count(*) OVER () AS fetched
       FROM (
         SELECT seq, status, reason, reason_code, event, result,
           coalesce(bytes, octet_length(event::text) + coalesce(octet_length(result::text), 0)) AS size
         FROM events WHERE seq > $1 ORDER BY seq LIMIT $2
       ) page
     ) sized
     WHERE running - size <= $3
     ORDER BY seq`,
    [after, limit + 1, maxBytes],
  );
  const { rows: kept, more } = withinBudget(rows, limit, maxBytes);
  const events = kept.map((row) => {
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
  return { events, last: events.at(-1)?.seq ?? after, more };
}

/** A correction's stored result (`{ device }`, the device possibly `null`) as the pull carries it. */
function correctionResult(stored: unknown): { device?: Device | null } {
  if (typeof stored !== 'object' || stored === null || !('device' in stored)) return {};
  return { device: stored.device === null ? null : deviceSchema.parse(stored.device) };
}

/**
 * A page of the central projection in key order and the head it reflects: at most `limit`
 * devices and `maxBytes` of them beyond the first. One statement, one snapshot: no device in the
 * page has a `seq` beyond `asOf`.
 */
export async function readDevices(db: Queryable, after: string | undefined, limit: number, maxBytes: number): Promise<DevicesResponse> {
  const rows = await db.query(
    `SELECT h.seq AS as_of, d.key, d.seq, d.device, d.running, d.fetched
     FROM sync_head h
     LEFT JOIN LATERAL (
       SELECT * FROM (
         SELECT *, sum(size) OVER (ORDER BY key ROWS UNBOUNDED PRECEDING) AS running, count(*) OVER () AS fetched
         FROM (
           SELECT key, seq, device, coalesce(bytes, octet_length(device::text)) AS size FROM devices
           WHERE $1::text IS NULL OR key > $1::text COLLATE "C"
           ORDER BY key LIMIT $2
         ) page
       ) sized
       WHERE running - size <= $3
     ) d ON true
     ORDER BY d.key`,
    [after ?? null, limit + 1, maxBytes],
  );
  const asOf = toSeq(rows[0]?.as_of ?? 0);
  const { rows: kept, more } = withinBudget(
    rows.filter((row) => row.key !== null),
    limit,
    maxBytes,
  );
  const page = kept.map((row) => ({ seq: toSeq(row.seq), device: toDevice(row) }));
  const lastKey = more ? text(kept.at(-1)?.key) : null;
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
