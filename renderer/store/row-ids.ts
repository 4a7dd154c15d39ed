/**
 * The report rows' ids (`report-rows.ts`): `<part>\0<place>\0<end>\0<deviceKey>\0<n>`, so that the
 * primary key itself orders the rows as the reports read them — by part, place and end — and a
 * report's range is a range of ids.
 *
 * Why not an index: Chromium checks every index entry it returns against its record (an entry may
 * be stale), one lookup each. Measured on the 100,000-device bench store (2026-12-02): 128,257
 * closed holdings took 2.4–3.3 s by the `[part+place+endMs]` index, keys alone, and 0.4–0.6 s as
 * a range of primary keys; with their values 3.3 s and 1.2 s.
 *
 * A device's rows are found for rewriting by the `deviceKey` index instead: a few entries per write.
 */

/** Ends are shifted by this before they are written as digits: ms from −10^15 to 10^15 keep their order. */
const SHIFT = 1e15;
const DIGITS = 16;
const NEG_INFINITY = '!';
const POS_INFINITY = '~';

/** An end as text that sorts as the number does: fixed-width digits, `!` before them for −∞, `~` after for ∞ (none a prefix of another). */
export function endKey(ms: number): string {
  if (ms === Number.POSITIVE_INFINITY) return POS_INFINITY;
  if (ms === Number.NEGATIVE_INFINITY) return NEG_INFINITY;
  const shifted = Math.min(Math.max(Math.round(ms) + SHIFT, 0), 2 * SHIFT - 1);
  return String(shifted).padStart(DIGITS, '0');
}

/** Where the ids of `part` begin, and (exclusive) end. */
export function partStart(part: string): string {
  return `${part}\u0000`;
}
export function partEnd(part: string): string {
  return `${part}\u0001`;
}

/** Where the ids of `part` at `place` begin, and (exclusive) end. */
export function placeStart(part: string, place: string): string {
  return `${partStart(part)}${place}\u0000`;
}
export function placeEnd(part: string, place: string): string {
  return `${partStart(part)}${place}\u0001`;
}

/** How the ids of a device's rows of one part, place and end begin. */
export function rowIdStart(part: string, place: string, endMs: number, deviceKey: string): string {
  return `${placeStart(part, place)}${endKey(endMs)}\u0000${deviceKey}\u0000`;
}

/** The id of a device's `n`th row. */
export function rowId(part: string, place: string, endMs: number, deviceKey: string, n: number): string {
  return `${rowIdStart(part, place, endMs, deviceKey)}${n}`;
}

/** The place an id names (`placesOf` walks a part's places by their first ids). */
export function placeOfId(id: string): string {
  const start = id.indexOf('\u0000') + 1;
  return id.slice(start, id.indexOf('\u0000', start));
}

/**
 * The ids of the rows of `part` at `place` whose end lies between `fromMs` and `toMs`, each bound
 * included unless said open: `[lower, upper)`, for `between(lower, upper, true, false)`. Every id
 * of one end begins `<part>\0<place>\0<end>\0`; one character past that prefix (`\u0001`) is past
 * them all and before the next end.
 */
export function endRange(part: string, place: string, fromMs: number, toMs: number, fromOpen = false, toOpen = false): [lower: string, upper: string] {
  const at = (ms: number, past: boolean) => `${placeStart(part, place)}${endKey(ms)}${past ? '\u0001' : '\u0000'}`;
  return [at(fromMs, fromOpen), at(toMs, !toOpen)];
}
