import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const options = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles from the base, with half of each delay random', () => {
    expect(backoffDelay(1, () => 0, options)).toBe(500);
    expect(backoffDelay(1, () => 1, options)).toBe(1000);
    expect(backoffDelay(2, () => 0, options)).toBe(1000);
    expect(backoffDelay(4, () => 1, options)).toBe(8000);
  });

  it('stops growing at the cap, even after very many failures', () => {
    expect(backoffDelay(7, () => 1, options)).toBe(60_000);
    expect(backoffDelay(1000, () => 1, options)).toBe(60_000);
    expect(backoffDelay(1000, () => 0, options)).toBe(30_000);
  });

  it('spreads desks that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, (_, i) => backoffDelay(5, () => i / 50, options)));
    expect(delays.size).toBe(50);
  });

  it("never retries before the server's Retry-After", () => {
    expect(backoffDelay(1, () => 0, options, 5000)).toBe(5000);
    expect(backoffDelay(6, () => 1, options, 5000)).toBe(32_000);
  });
});
