import { describe, expect, it } from 'vitest';
import { operatorSchema } from '../domain/reference';
import { afterWrongPin, isLocked, lockoutRules } from './lockout';
import { hashPin, isAcceptablePin, verifyPin } from './pin';

const salt = new Uint8Array(16).map((_, i) => i * 7);

describe('PINs', () => {
  it('are stored only as a salted scrypt hash, which verifies the right PIN and no other', async () => {
    const hash = await hashPin('4711', salt);
    expect(hash).toMatch(/^scrypt:32768:8:1:[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(hash).not.toContain('4711');
    expect(operatorSchema.safeParse({ id: 'TL1', name: 'Tove', role: 'team_lead', pinHash: hash }).success).toBe(true);
    expect(await verifyPin('4711', hash)).toBe(true);
    expect(await verifyPin('4712', hash)).toBe(false);
    expect(await hashPin('4711', new Uint8Array(16))).not.toBe(hash);
    expect(['123', '1234', '12a4', '1234567890123'].map(isAcceptablePin)).toEqual([false, true, false, false]);
  });

  it('lock the operator after five wrong ones in a row, for five minutes', () => {
    let failures;
    for (let i = 0; i < lockoutRules.attempts - 1; i++) failures = afterWrongPin(failures, 1000);
    expect(isLocked(failures, 1000)).toBe(false);
    failures = afterWrongPin(failures, 1000);
    expect(isLocked(failures, 1000 + lockoutRules.lockMs - 1)).toBe(true);
    expect(isLocked(failures, 1000 + lockoutRules.lockMs)).toBe(false);
    expect(afterWrongPin(failures, 1000 + lockoutRules.lockMs)).toEqual({ count: 1 });
  });
});
