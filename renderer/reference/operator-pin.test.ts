import { describe, expect, it } from 'vitest';
import { hasCurrentCost, verifyPin } from '../../shared/auth/pin';
import { operatorPinHash } from './operator-pin';

describe('an operator’s PIN typed on the desk', () => {
  it('leaves only as a salted hash of the current cost, which the PIN verifies', async () => {
    const made = await operatorPinHash('2468', undefined);
    if (!made.ok) throw new Error(made.problem);
    expect(made.pinHash).not.toContain('2468');
    expect(hasCurrentCost(made.pinHash)).toBe(true);
    expect(await verifyPin('2468', made.pinHash)).toBe(true);
    const again = await operatorPinHash('2468', undefined);
    expect(again.ok && again.pinHash).not.toBe(made.pinHash);
  });

  it('keeps the hash when no PIN is typed, needs one for a new operator, and keeps to the PIN rules', async () => {
    expect(await operatorPinHash('', 'scrypt:kept')).toEqual({ ok: true, pinHash: 'scrypt:kept' });
    expect(await operatorPinHash('  ', undefined)).toEqual({ ok: false, problem: 'pinRequired' });
    expect(await operatorPinHash('12', 'scrypt:kept')).toEqual({ ok: false, problem: 'pinRules' });
    expect(await operatorPinHash('12ab', undefined)).toEqual({ ok: false, problem: 'pinRules' });
  });
});
