import type { DeviceEvent } from '../../shared/domain/event';
import { describeRefusal } from '../../shared/lifecycle/refusal';
import { deviceKeySchema } from '../../shared/domain/device';
import type { InvalidResult } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import type { FromStatus } from '../../shared/lifecycle/transitions';
import type { Decision } from './decide';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event of this push the server answered `invalid`, as a correction may later name it. */
export interface Refused {
  id: string;
  deskId: string;
  deviceKey: string;
  reasonCode: string;
}

/**
 * The refused element as a correction can name it: only when it carries a uuid, a well-formed
 * device key and the pushing desk's own id (another desk's, or a shapeless one, is nobody's to settle).
 */
export function refusedOf(raw: unknown, result: InvalidResult, deskId: string): Refused | null {
  if (typeof raw !== 'object' || raw === null || result.id === null || !uuid.test(result.id)) return null;
  const deviceKey = 'deviceKey' in raw ? deviceKeySchema.safeParse(raw.deviceKey) : null;
  if (!deviceKey?.success || !('deskId' in raw) || raw.deskId !== deskId) return null;
  return { id: result.id.toLowerCase(), deskId, deviceKey: deviceKey.data, reasonCode: result.reasonCode };
}

export async function recordRefused(db: Queryable, refused: readonly Refused[]): Promise<void> {
  if (refused.length === 0) return;
  await db.query(
    `INSERT INTO refused_events (id, desk_id, device_key, reason_code)
     SELECT id, desk_id, device_key, reason_code
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, desk_id text, device_key text, reason_code text)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(refused.map((r) => ({ id: r.id, desk_id: r.deskId, device_key: r.deviceKey, reason_code: r.reasonCode })))],
  );
}

/** What the log holds under an id, as far as `resolves` cares. */
export interface Named {
  status: 'accepted' | 'conflict' | 'refused';
  deskId: string;
  deviceKey: string;
}

/** The conflicts and refused events named by the batch's corrections, by lower-cased id. */
export async function namedByResolves(tx: Queryable, events: readonly DeviceEvent[]): Promise<Map<string, Named>> {
  const ids = [...new Set(events.flatMap((e) => (e.type === 'corrected' && e.data.resolves && uuid.test(e.data.resolves) ? [e.data.resolves.toLowerCase()] : [])))];
  const named = new Map<string, Named>();
  if (ids.length === 0) return named;
  for (const row of await tx.query(
    `SELECT id, status, desk_id, device_key FROM events WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id, 'refused', desk_id, device_key FROM refused_events WHERE id = ANY($1::uuid[])`,
    [ids],
  )) {
    const status = row.status === 'conflict' || row.status === 'refused' ? row.status : 'accepted';
    named.set(String(row.id), { status, deskId: String(row.desk_id), deviceKey: String(row.device_key) });
  }
  return named;
}

/**
 * A correction's `resolves` must name a conflict or a refused event of the same desk and device
 * (SYNC.md, "Trust"): a desk cannot settle — and so hide — another desk's conflicts, nor claim to
 * settle something that was never refused. `null` when the event passes (or names nothing).
 */
export function checkResolves(event: DeviceEvent, named: ReadonlyMap<string, Named>, status: FromStatus): Decision | null {
  if (event.type !== 'corrected' || !event.data.resolves) return null;
  const target = named.get(event.data.resolves.toLowerCase());
  if (target && target.status !== 'accepted' && target.deskId === event.deskId && target.deviceKey === event.deviceKey) return null;
  return { status: 'conflict', reason: describeRefusal({ code: 'resolves_unknown', type: event.type, status }), reasonCode: 'resolves_unknown' };
}
