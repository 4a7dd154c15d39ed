import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, parseDeskTokens } from './tokens';

describe('desk tokens', () => {
  it('reads DESK_TOKENS into token hash → desk', () => {
    const tokens = parseDeskTokens(' deskA=tokenA , deskB=tokenB');
    expect(tokens).toEqual(new Map([[hashToken('tokenA'), 'deskA'], [hashToken('tokenB'), 'deskB']]));
    expect([...tokens.keys()].join()).not.toContain('tokenA');
    expect(parseDeskTokens(undefined).size).toBe(0);
    expect(parseDeskTokens('  ').size).toBe(0);
  });

  it('refuses malformed entries without echoing the token', () => {
    expect(() => parseDeskTokens('deskA')).toThrow(/expected deskId=token/);
    expect(() => parseDeskTokens('deskA=')).toThrow(/deskA=…/);
    expect(() => parseDeskTokens('=secret')).not.toThrow(/secret/);
    expect(() => parseDeskTokens('=secret')).toThrow();
    expect(() => parseDeskTokens('desk A=secret')).toThrow();
    expect(() => parseDeskTokens('deskA=same,deskB=same')).toThrow(/reuses/);
  });

  it('generates distinct 256-bit tokens and hashes them stably', () => {
    const a = generateToken();
    expect(a).toMatch(/^kvd_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
