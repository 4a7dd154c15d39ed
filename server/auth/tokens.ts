import { createHash, randomBytes } from 'node:crypto';

/** What the database keeps of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new desk token: 256 random bits, URL-safe, with a prefix that says what it is when found in a file. */
export function generateToken(): string {
  return `kvd_${randomBytes(32).toString('base64url')}`;
}

/** What `desk add` accepts as a desk id: what a person would type, within the event schema's 64. */
export const deskIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * `DESK_TOKENS="deskA=tokenA,deskB=tokenB"` (development and tests) as token hash → desk id.
 * Malformed entries are an error at start, not a silently missing desk.
 */
export function parseDeskTokens(spec: string | undefined): Map<string, string> {
  const tokens = new Map<string, string>();
  if (spec === undefined || spec.trim() === '') return tokens;
  for (const entry of spec.split(',')) {
    const at = entry.indexOf('=');
    const deskId = entry.slice(0, at).trim();
    const token = entry.slice(at + 1).trim();
    if (at < 0 || !deskIdPattern.test(deskId) || token.length === 0)
      throw new Error(`DESK_TOKENS: expected deskId=token, got "${at < 0 ? entry.trim() : `${deskId}=…`}"`);
    const hash = hashToken(token);
    if (tokens.has(hash)) throw new Error(`DESK_TOKENS: desk ${deskId} reuses another desk's token`);
    tokens.set(hash, deskId);
  }
  return tokens;
}
