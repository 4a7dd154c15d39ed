import { z } from 'zod';

/**
 * Calendar days and quarters in a time zone, with `Intl` only. A report's day is a local day
 * (midnight to midnight in the municipality's zone), which is 23 or 25 hours long on the DST days,
 * so day bounds are computed per day, never as `start + 24 h`.
 */

export const defaultTimeZone = 'Europe/Copenhagen';

/** A calendar day, `YYYY-MM-DD`, with no time zone of its own. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');
export type LocalDate = z.infer<typeof localDateSchema>;

export const timeZoneSchema = z.string().min(1).refine(isTimeZone, 'unknown time zone');

export const quarterSchema = z.object({
  year: z.number().int().min(1970).max(9999),
  quarter: z.number().int().min(1).max(4),
});
export type Quarter = z.infer<typeof quarterSchema>;

/** A span of local days as instants: `[startMs, endMs)`, the first instant of `firstDay` to the first of the day after `lastDay`. */
export interface DaySpan {
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** How many calendar days the span has. */
  days: number;
  startMs: number;
  endMs: number;
}

const DAY_MS = 86_400_000;

function isCalendarDate(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at an instant, as if it were UTC: compare it with the instant to get the offset. */
function wallClockMs(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `wall clock − UTC` at the instant, in ms (Copenhagen: 1 h in winter, 2 h in summer). */
export function offsetAt(ms: number, timeZone: string): number {
  return wallClockMs(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
/** Per zone, the offset throughout each hour asked about (NaN: it changes within that hour). */
const hourOffsets = new Map<string, Map<number, number>>();
/** Hours remembered per zone before starting over (~11 years of hours; a few MB). */
const HOURS_KEPT = 100_000;

/** Per zone, the offset throughout each UTC day asked about (NaN: it changes within that day). */
const dayOffsets = new Map<string, Map<number, number>>();

/**
 * `wall clock − UTC` throughout the hour `hour` (counted from the epoch), or null when the zone
 * changes its offset within it. Offsets change at whole seconds, months apart, so one equal at the
 * first and last second of a UTC day holds for all of it, and likewise for an hour. A report puts
 * tens of thousands of instants on their local day over years: asking `Intl` for each was most of
 * its time, and even twice an hour was most of the unused devices' (~18,000 shelf spans, 2 years).
 */
function offsetThroughout(hour: number, timeZone: string): number | null {
  const day = Math.floor(hour / 24);
  const whole = remembered(dayOffsets, timeZone, day, () => steadyOffset(day * DAY_MS, DAY_MS, timeZone));
  if (!Number.isNaN(whole)) return whole;
  const offset = remembered(hourOffsets, timeZone, hour, () => steadyOffset(hour * HOUR_MS, HOUR_MS, timeZone));
  return Number.isNaN(offset) ? null : offset;
}

/** The offset throughout `[fromMs, fromMs + spanMs)`, or NaN where it differs at the two ends. */
function steadyOffset(fromMs: number, spanMs: number, timeZone: string): number {
  const first = offsetAt(fromMs, timeZone);
  return first === offsetAt(fromMs + spanMs - 1000, timeZone) ? first : Number.NaN;
}

/** `memo`'s value for `zone` and `at`, computed once (each zone's memo starts over past `HOURS_KEPT` entries). */
function remembered(memo: Map<string, Map<number, number>>, zone: string, at: number, compute: () => number): number {
  let values = memo.get(zone);
  if (!values) memo.set(zone, (values = new Map()));
  let value = values.get(at);
  if (value === undefined) {
    value = compute();
    if (values.size >= HOURS_KEPT) values.clear();
    values.set(at, value);
  }
  return value;
}

/** The local day an instant falls on in `timeZone`. */
export function localDayOf(instant: number | string, timeZone: string): LocalDate {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  // As `wallClockMs` (the wall clock to the second), from the hour's offset where it holds.
  const offset = Number.isFinite(ms) ? offsetThroughout(Math.floor(ms / HOUR_MS), timeZone) : null;
  const wall = offset === null ? wallClockMs(ms, timeZone) : Math.floor(ms / 1000) * 1000 + offset;
  return new Date(wall).toISOString().slice(0, 10);
}

function utcMidnight(day: LocalDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/**
 * The first instant of a local day. Copenhagen changes its clocks at 02:00/03:00, so midnight
 * always exists and the fast path answers; zones that jump at midnight fall to the search.
 */
export function startOfDay(day: LocalDate, timeZone: string): number {
  const wall = utcMidnight(day);
  const first = wall - offsetAt(wall, timeZone);
  const guess = wall - offsetAt(first, timeZone);
  if (localDayOf(guess, timeZone) === day && localDayOf(guess - 1, timeZone) !== day) return guess;
  // The first instant whose local day is not before `day`; offsets stay within ±18 h of UTC.
  let low = wall - 19 * 3_600_000;
  let high = wall + 19 * 3_600_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDayOf(mid, timeZone) < day) low = mid;
    else high = mid;
  }
  return high;
}

export function daySpan(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): DaySpan {
  return {
    firstDay,
    lastDay,
    days: daysBetween(firstDay, lastDay) + 1,
    startMs: startOfDay(firstDay, timeZone),
    endMs: startOfDay(addDays(lastDay, 1), timeZone),
  };
}

/** The instants at which each day of `[firstDay, firstDay + count)` ends (the next day's start), ascending. */
export function dayEnds(firstDay: LocalDate, count: number, timeZone: string): number[] {
  return Array.from({ length: count }, (_, i) => startOfDay(addDays(firstDay, i + 1), timeZone));
}

export function quarterOf(day: LocalDate): Quarter {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

/** `2026-Q1`: how quarters are named in exports. */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

export function quarterSpan({ year, quarter }: Quarter, timeZone: string): DaySpan {
  const month = (quarter - 1) * 3 + 1;
  const firstDay = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return daySpan(firstDay, addDays(next, -1), timeZone);
}

/**
 * `at` ≥ `from`, comparing strings when both are canonical UTC (`toISOString()`, what desks
 * write) — a report scans up to a million events, and parsing each would cost a fifth of a second.
 */
export function isAtOrAfter(at: string, from: { iso: string; ms: number }): boolean {
  if (at.length === 24 && at.charCodeAt(23) === 90 && from.iso.length === 24) return at >= from.iso;
  return Date.parse(at) >= from.ms;
}

/**
 * The instant of an ISO timestamp in ms. The canonical UTC form is read digit by digit: a report
 * replays hundreds of thousands of events, and `Date.parse` is the slowest step of it. Any other
 * form (an offset, no milliseconds) goes through `Date.parse`.
 */
export function instantOf(at: string): number {
  if (at.length !== 24 || at.charCodeAt(23) !== 90 || at.charCodeAt(10) !== 84) return Date.parse(at);
  return Date.UTC(
    digits(at, 0, 4),
    digits(at, 5, 7) - 1,
    digits(at, 8, 10),
    digits(at, 11, 13),
    digits(at, 14, 16),
    digits(at, 17, 19),
    digits(at, 20, 23),
  );
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

export function instant(ms: number): { iso: string; ms: number } {
  return { iso: new Date(ms).toISOString(), ms };
}

/** How many of the ascending `values` are ≤ `x`: with day ends, the index of the day an instant falls in. */
export function countAtOrBefore(values: readonly number[], x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}
