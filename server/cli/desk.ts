import { addDesk, listDesks, revokeDesk } from '../auth/desk-tokens';
import type { Database } from '../db/database';

/** `desk add <deskId>` | `desk list` | `desk revoke <deskId>`; returns the exit code. */
export async function deskCommand(db: Database, args: readonly string[], out: (line: string) => void): Promise<number> {
  const [verb, deskId] = args;
  if (verb === 'add' && deskId) {
    const token = await addDesk(db, deskId);
    out(`Token for desk ${deskId} (shown once; enter it in the desk's settings):`);
    out(token);
    return 0;
  }
  if (verb === 'revoke' && deskId) {
    const revoked = await revokeDesk(db, deskId);
    out(revoked ? `Revoked the token of desk ${deskId}.` : `Desk ${deskId} has no active token.`);
    return revoked ? 0 : 1;
  }
  if (verb === 'list' && !deskId) {
    const desks = await listDesks(db);
    if (desks.length === 0) out('No desk tokens issued.');
    for (const d of desks)
      out(`${d.deskId.padEnd(24)} issued ${d.createdAt.toISOString()}${d.revokedAt ? `  revoked ${d.revokedAt.toISOString()}` : '  active'}`);
    return 0;
  }
  out('usage: desk add <deskId> | desk list | desk revoke <deskId>');
  return 2;
}
