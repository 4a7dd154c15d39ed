import { describe, expect, it } from 'vitest';
import { lockoutRules } from '../../shared/auth/lockout';
import { PinGuard } from './pin-guard';

describe('PinGuard', () => {
  it('locks an operator after the wrong PINs the desk allows, for as long, and a right PIN clears the count', () => {
    let now = 1_000;
    const guard = new PinGuard(() => now);
    for (let i = 0; i < lockoutRules.attempts - 1; i++) guard.record('TL1', false);
    guard.record('TL1', true);
    guard.record('TL1', false);
    expect(guard.isLocked('TL1')).toBe(false);
    for (let i = 0; i < lockoutRules.attempts - 1; i++) guard.record('TL1', false);
    expect(guard.isLocked('TL1')).toBe(true);
    expect(guard.isLocked('D1')).toBe(false);
    now += lockoutRules.lockMs;
    expect(guard.isLocked('TL1')).toBe(false);
  });
});
