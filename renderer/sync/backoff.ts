export interface BackoffOptions {
  /** The first delay, before jitter. */
  baseMs: number;
  /** The longest delay, before jitter. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * How long to wait before retry number `attempt` (1, 2, 3, ...): exponential, capped, with "equal
 * jitter" — half the delay fixed, half random — so desks that lost the server together do not all
 * come back in the same second, yet none retries much sooner than the curve says. A server's
 * `Retry-After` is a floor.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff, retryAfterMs = 0): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const jittered = capped / 2 + random() * (capped / 2);
  return Math.round(Math.max(jittered, retryAfterMs));
}
