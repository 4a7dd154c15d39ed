import { randomBytes } from 'node:crypto';
import { may, roleSchema, type Action, type Role } from '../../shared/auth/roles';
import { hashPin, isAcceptablePin, pinRules } from '../../shared/auth/pin';
import { operatorSchema, type Operator } from '../../shared/domain/reference';
import type { Database, Queryable } from '../db/database';
import { writeReferenceRows } from '../reference/write';
import type { CheckedRows } from '../reference/check';

export interface NewOperator {
  id: string;
  name: string;
  role: string;
  badge?: string;
  pin: string;
}

/**
 * Adds an operator, or replaces one with the same id (a new PIN, a new role). The PIN is hashed
 * here with a fresh salt and never stored or logged as it was typed. Desks receive the operator
 * with the next reference fetch.
 */
export async function saveOperator(db: Database, input: NewOperator): Promise<{ ok: true; revision: number } | { ok: false; problem: string }> {
  if (!isAcceptablePin(input.pin)) return { ok: false, problem: `a PIN is ${pinRules.minLength}–${pinRules.maxLength} digits` };
  const candidate = { id: input.id, name: input.name, role: input.role, ...(input.badge ? { badge: input.badge } : {}), pinHash: await hashPin(input.pin, randomBytes(16)) };
  const parsed = operatorSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  if (parsed.data.badge) {
    const [other] = await db.query('SELECT id FROM operators WHERE badge = $1 AND id <> $2', [parsed.data.badge, parsed.data.id]);
    if (other) return { ok: false, problem: `badge ${parsed.data.badge} belongs to operator ${String(other.id)}` };
  }
  return { ok: true, revision: await writeReferenceRows(db, 'operators', [parsed.data]) };
}

export async function listOperators(db: Queryable): Promise<Array<Omit<Operator, 'pinHash'>>> {
  const rows = await db.query('SELECT id, name, role, badge FROM operators ORDER BY id COLLATE "C"');
  return rows.map((row) => ({ id: String(row.id), name: String(row.name), role: roleSchema.parse(row.role), ...(row.badge ? { badge: String(row.badge) } : {}) }));
}

/**
 * Every operator's role, for the push's role check. Empty while no operator is set up: a trial
 * server (or one before going live) takes events from any operator name, as before.
 */
export async function operatorRoles(db: Queryable): Promise<Map<string, Role>> {
  const rows = await db.query('SELECT id, role FROM operators');
  return new Map(rows.map((row) => [String(row.id), roleSchema.parse(row.role)]));
}

/**
 * Whether `operator` may do every one of `actions` (THE role check of `shared/auth/roles.ts`): for
 * a request from a desk that is not an event (a reference edit, a device import). While no
 * operator is set up (a trial server), anyone may.
 */
export async function operatorMay(db: Queryable, operator: string, actions: readonly Action[]): Promise<boolean> {
  const roles = await operatorRoles(db);
  if (roles.size === 0) return true;
  const role = roles.get(operator);
  return role !== undefined && actions.every((action) => may(role, action));
}

/**
 * Operators' rows of a desk's edit whose badge another operator holds (in the table, or an
 * earlier row of the same edit) are refused: a badge scan must choose one operator.
 */
export async function refuseTakenBadges(db: Queryable, checked: CheckedRows): Promise<CheckedRows> {
  const badges = checked.rows.flatMap(({ data }) => (data.badge ? [data.badge] : []));
  const holders = new Map<string, string>();
  if (badges.length > 0)
    for (const row of await db.query('SELECT id, badge FROM operators WHERE badge = ANY($1::text[])', [badges])) holders.set(String(row.badge), String(row.id));
  const refused = [...checked.refused];
  const rows = checked.rows.filter(({ row, data }) => {
    if (!data.badge) return true;
    const holder = holders.get(data.badge);
    if (holder !== undefined && holder !== data.id) {
      refused.push({ row, id: data.id, reason: `badge ${data.badge} belongs to operator ${holder}` });
      return false;
    }
    holders.set(data.badge, data.id);
    return true;
  });
  return { rows, refused: refused.sort((a, b) => a.row - b.row) };
}
