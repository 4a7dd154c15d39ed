import { may, type Role } from '../../shared/auth/roles';
import type { Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import { requiredAction } from '../../shared/lifecycle/required-action';
import { describeRefusal } from '../../shared/lifecycle/refusal';
import type { Queryable } from '../db/database';
import type { Decision } from './decide';

/**
 * The server's half of the role check (`shared/auth/roles.ts`: the desk hides, the server
 * refuses). `roles` holds every operator's role; empty means no operator is set up yet (a trial),
 * and then nothing is checked. Once operators exist, an event's operator must be one of them and
 * its role must allow what the event needs (`requiredAction`).
 */
export interface PermissionCheck {
  roles: ReadonlyMap<string, Role>;
  /** Who recorded an earlier event a correction names. */
  recordedBy: ReadonlyMap<string, string>;
}

export async function permissionCheck(tx: Queryable, roles: ReadonlyMap<string, Role>, events: readonly DeviceEvent[]): Promise<PermissionCheck | undefined> {
  if (roles.size === 0) return undefined;
  const named = events.flatMap((e) => (e.type === 'corrected' && e.data.corrects ? [e.data.corrects.toLowerCase()] : []));
  const recordedBy = new Map<string, string>();
  for (const e of events) recordedBy.set(e.id.toLowerCase(), e.operator);
  if (named.length > 0)
    for (const row of await tx.query("SELECT id, event->>'operator' AS operator FROM events WHERE id = ANY($1::uuid[])", [named]))
      recordedBy.set(String(row.id), String(row.operator));
  return { roles, recordedBy };
}

/** A conflict `not_permitted` when the operator may not do what `event` needs on `device`. */
export function refuseUnpermitted(check: PermissionCheck | undefined, event: DeviceEvent, device: Device | null): Decision | undefined {
  if (!check) return undefined;
  const action = requiredAction(event, device, (id) => {
    const operator = check.recordedBy.get(id.toLowerCase());
    return operator === undefined ? undefined : { operator };
  });
  const role = check.roles.get(event.operator);
  if (role !== undefined && (action === undefined || may(role, action))) return undefined;
  const refusal = { code: 'not_permitted' as const, type: event.type, status: device?.status ?? ('none' as const) };
  const who = role === undefined ? `operator ${event.operator} is not set up on the central inventory` : `${role} may not ${action}`;
  return { status: 'conflict', reason: `${describeRefusal(refusal)} (${who})`, reasonCode: 'not_permitted' };
}
