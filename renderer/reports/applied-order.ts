import type { StoredEvent } from '../store/db';

/**
 * A device's events in the order they were applied, which is what the reports replay: the events
 * the central inventory has sequenced, by `seq`; then the desk's own not yet sequenced ones, in
 * the order they were recorded. `list` comes from the `[deviceKey+at]` index (by `at`, then id:
 * the order the desk recorded them, UUIDv7 ids rising within a millisecond); sequenced events
 * move to the front in server order, since desk clocks drift and `at` can disagree with `seq`.
 */
export function inAppliedOrder<E extends Pick<StoredEvent, 'seq'>>(list: E[]): E[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = compareApplied(list[i - 1] as E, list[i] as E) <= 0;
  // Usually already in order: the desk's clock agrees with the server's sequence.
  return sorted ? list : list.sort(compareApplied);
}

/** Sequenced before pending, by `seq` among themselves; pending keep their index order (stable sort). */
function compareApplied(a: Pick<StoredEvent, 'seq'>, b: Pick<StoredEvent, 'seq'>): number {
  if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
  if (a.seq !== undefined) return -1;
  if (b.seq !== undefined) return 1;
  return 0;
}
