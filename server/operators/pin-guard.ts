import { afterWrongPin, isLocked, type PinFailures } from '../../shared/auth/lockout';

/**
 * The desk's lockout rule (`shared/auth/lockout.ts`) where the server checks a PIN itself: five
 * wrong PINs for an operator lock that operator here for a while, whoever holds a desk token. Kept
 * in memory: a restart forgets the count, which costs a guesser a restart of the server.
 */
export class PinGuard {
  private readonly failures = new Map<string, PinFailures>();

  constructor(private readonly now: () => number = Date.now) {}

  isLocked(operator: string): boolean {
    return isLocked(this.failures.get(operator), this.now());
  }

  /** Records the outcome of one check: a right PIN clears the count. */
  record(operator: string, right: boolean): void {
    if (right) this.failures.delete(operator);
    else this.failures.set(operator, afterWrongPin(this.failures.get(operator), this.now()));
  }
}
