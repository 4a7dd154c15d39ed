import type { FetchLike } from '../../renderer/sync/client';

export const faultKinds = ['refused', 'reply_lost', 'repeated', 'unavailable'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultCounts {
  requests: number;
  byKind: Record<FaultKind, number>;
}

/**
 * A network between a desk and the server that fails on purpose, decided by a seeded random
 * source so a failing run can be replayed:
 * - `refused`: the request never reaches the server (offline, connection refused);
 * - `reply_lost`: the server handles it, the answer never comes back (the dangerous one: the
 *   server stored a push the desk thinks failed);
 * - `repeated`: the request reaches the server twice (a proxy or the stack retried it);
 * - `unavailable`: the server's database is away for this request (503, nothing stored).
 */
export function faultyFetch(
  target: FetchLike,
  options: { random: () => number; rate: number; setUnavailable: (down: boolean) => void; counts: FaultCounts },
): { fetch: FetchLike; heal(): void } {
  let healed = false;
  const fetch: FetchLike = async (url, init) => {
    options.counts.requests += 1;
    if (healed || options.random() >= options.rate) return target(url, init);
    const kind = faultKinds[Math.floor(options.random() * faultKinds.length)] ?? 'refused';
    options.counts.byKind[kind] += 1;
    switch (kind) {
      case 'refused':
        throw new TypeError('fetch failed: connection refused');
      case 'reply_lost':
        await target(url, init);
        throw new TypeError('fetch failed: connection reset');
      case 'repeated':
        await target(url, init);
        return target(url, init);
      case 'unavailable':
        options.setUnavailable(true);
        try {
          return await target(url, init);
        } finally {
          options.setUnavailable(false);
        }
    }
  };
  return { fetch, heal: () => void (healed = true) };
}

/** mulberry32: a small, good-enough seeded generator, so a run's faults follow from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
