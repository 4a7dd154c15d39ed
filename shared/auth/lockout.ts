/**
 * Wrong PINs in a row lock that operator for a while: five, then 5 minutes. The desk keeps the
 * count per operator in its own store (sign-in is offline); a right PIN clears it.
 */
export const lockoutRules = { attempts: 5, lockMs: 5 * 60_000 } as const;

export interface PinFailures {
  count: number;
  /** Until when (ms since the epoch) the operator may not try again. */
  lockedUntil?: number;
}

export function isLocked(failures: PinFailures | undefined, now: number): boolean {
  return failures?.lockedUntil !== undefined && now < failures.lockedUntil;
}

export function afterWrongPin(failures: PinFailures | undefined, now: number): PinFailures {
  // A lock that ran out starts a new count.
  const count = (failures && !(failures.lockedUntil !== undefined && now >= failures.lockedUntil) ? failures.count : 0) + 1;
  return count >= lockoutRules.attempts ? { count, lockedUntil: now + lockoutRules.lockMs } : { count };
}
