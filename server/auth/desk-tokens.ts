import type { Queryable } from '../db/database';
import { deskIdPattern, generateToken, hashToken } from './tokens';

export interface DeskRecord {
  deskId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Issues a desk's token. Returns the token itself: this is the only time anyone sees it. */
export async function addDesk(db: Queryable, deskId: string): Promise<string> {
  if (!deskIdPattern.test(deskId)) throw new Error(`not a desk id: "${deskId}" (letters, digits, . _ -; at most 64)`);
  const active = await db.query('SELECT 1 FROM desk_tokens WHERE desk_id = $1 AND revoked_at IS NULL', [deskId]);
  if (active.length > 0) throw new Error(`desk ${deskId} already has a token; revoke it first to issue a new one`);
  const token = generateToken();
  await db.query('INSERT INTO desk_tokens (token_hash, desk_id) VALUES ($1, $2)', [hashToken(token), deskId]);
  return token;
}

/** Revokes the desk's active token; `false` when it had none. */
export async function revokeDesk(db: Queryable, deskId: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE desk_tokens SET revoked_at = now() WHERE desk_id = $1 AND revoked_at IS NULL RETURNING desk_id',
    [deskId],
  );
  return rows.length > 0;
}

export async function listDesks(db: Queryable): Promise<DeskRecord[]> {
  const rows = await db.query('SELECT desk_id, created_at, revoked_at FROM desk_tokens ORDER BY desk_id, created_at');
  return rows.map((row) => ({
    deskId: String(row.desk_id),
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  }));
}

/** Both drivers return `timestamptz` as a Date; a string is tolerated. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** The desk an issued, unrevoked token belongs to. */
export async function deskForTokenHash(db: Queryable, hash: string): Promise<string | null> {
  const [row] = await db.query('SELECT desk_id FROM desk_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [hash]);
  return row ? String(row.desk_id) : null;
}
