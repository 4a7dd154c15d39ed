import type { Queryable } from '../db/database';
import { deskForTokenHash } from './desk-tokens';
import { hashToken } from './tokens';

/** Who is calling: the desk id a bearer token stands for, or `null`. */
export interface DeskAuth {
  deskFor(token: string): Promise<string | null>;
}

/**
 * Development tokens (`DESK_TOKENS`, as hash → desk) first, then the issued tokens in the
 * database. Tokens are compared by hash only, so the raw token is never kept or logged.
 */
export function deskAuth(db: Queryable, devTokens: ReadonlyMap<string, string> = new Map()): DeskAuth {
  return {
    async deskFor(token) {
      const hash = hashToken(token);
      return devTokens.get(hash) ?? (await deskForTokenHash(db, hash));
    },
  };
}
