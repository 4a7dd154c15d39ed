import { z } from 'zod';
import type { Device, DeviceKey } from '../domain/device';
import { addDays, countAtOrBefore, dayEnds, localDateSchema, startOfDay, type LocalDate } from './calendar';
import { digestUnchanged, handoutsOf, isUndoneBefore, sortedKeys, stockSpansOf, type HandoutMark, type StockSpan } from './device-digest';
import { visitHistories, type ReportEvents } from './history';
import { defaultReportSettings, reportSettingsSchema } from './settings';

export const trendOptionsSchema = z.object({
  /** One location, or every location when omitted (the central overview). */
  location: z.string().min(1).optional(),
  /** The last day shown (usually today); the trend covers `days` days ending on it. */
  lastDay: localDateSchema,
  days: z.number().int().min(1).max(366).default(30),
  settings: reportSettingsSchema.default(defaultReportSettings),
});
export type TrendOptions = z.input<typeof trendOptionsSchema>;

/** One day of the team lead's charts: the shelf at the end of the day and the day's handouts. */
export interface TrendRow {
  day: LocalDate;
  received: number;
  ready: number;
  returned: number;
  inStock: number;
  handedOutNew: number;
  handedOutReused: number;
}

export interface TrendReport {
  location: string | null;
  firstDay: LocalDate;
  lastDay: LocalDate;
  timeZone: string;
  /** One row per day, oldest first. */
  rows: TrendRow[];
  incomplete: DeviceKey[];
}

/**
 * Stock per day and handouts new vs reused per day over the last `days` days. Forward, like every
 * report (see `history.ts`): the devices untouched since the first day stand as they are; the
 * others are replayed. `events`: every event of each device with an event at or after the start
 * of the first day. The figures are summed from each device's digest (`device-digest.ts`), as a
 * store that keeps digests sums them (`trendFromDigests`).
 */
export function dailyTrends(devices: readonly Device[], events: ReportEvents, options: TrendOptions): TrendReport {
  const parsed = trendOptionsSchema.parse(options);
  const startMs = startOfDay(addDays(parsed.lastDay, 1 - parsed.days), parsed.settings.timeZone);
  const stock: StockSpan[] = [];
  const handouts: HandoutMark[] = [];
  const incomplete = visitHistories(devices, events, startMs, {
    unchanged(device) {
      stock.push(...digestUnchanged(device).stock);
    },
    changed(history) {
      stock.push(...stockSpansOf(history));
      handouts.push(...handoutsOf(history));
    },
  });
  return trendFromDigests({ stock, handouts, incomplete }, parsed);
}

/** The parts of the devices' digests a trend reads: any superset of the spans and handouts that reach its days. */
export interface TrendDigests {
  stock: readonly StockSpan[];
  handouts: readonly HandoutMark[];
  /** Incomplete devices with an event at or after the first day's start. */
  incomplete: readonly DeviceKey[];
}

/** The trend summed from digests: each day's shelf from the stock spans, each day's handouts from the marks. */
export function trendFromDigests(digests: TrendDigests, options: TrendOptions): TrendReport {
  const { location, lastDay, days, settings } = trendOptionsSchema.parse(options);
  const { timeZone } = settings;
  const firstDay = addDays(lastDay, 1 - days);
  const startMs = startOfDay(firstDay, timeZone);
  const ends = dayEnds(firstDay, days, timeZone);
  const rows: TrendRow[] = ends.map((_, i) => ({
    day: addDays(firstDay, i),
    received: 0,
    ready: 0,
    returned: 0,
    inStock: 0,
    handedOutNew: 0,
    handedOutReused: 0,
  }));
  const here = (place: string | null) => location === undefined || place === location;
  for (const span of digests.stock) {
    if (!here(span.location)) continue;
    // The days whose end e has fromMs < e ≤ toMs.
    const first = countAtOrBefore(ends, span.fromMs);
    const afterLast = countAtOrBefore(ends, span.toMs);
    for (let i = first; i < afterLast; i++) {
      const row = rows[i] as TrendRow;
      row[span.status]++;
      row.inStock++;
    }
  }
  for (const mark of digests.handouts) {
    if (mark.atMs < startMs || !here(mark.location)) continue;
    const day = countAtOrBefore(ends, mark.atMs);
    const row = rows[day];
    if (!row || isUndoneBefore(mark, ends[day] ?? mark.atMs)) continue;
    if (mark.reused) row.handedOutReused++;
    else row.handedOutNew++;
  }
  return { location: location ?? null, firstDay, lastDay, timeZone, rows, incomplete: sortedKeys(digests.incomplete) };
}

/** The share of handouts that were used devices over a trend's days, against the goal. */
export interface ReuseShare {
  handouts: number;
  reused: number;
  /** `reused / handouts`, a fraction; null when nothing was handed out. */
  share: number | null;
  /** The goal, a fraction (`reuseGoalPercent` / 100). */
  goal: number;
  /** Whether the share reached the goal; null when nothing was handed out. */
  reached: boolean | null;
}

export function reuseShare(rows: readonly Pick<TrendRow, 'handedOutNew' | 'handedOutReused'>[], goalPercent: number): ReuseShare {
  const reused = rows.reduce((sum, row) => sum + row.handedOutReused, 0);
  const handouts = reused + rows.reduce((sum, row) => sum + row.handedOutNew, 0);
  const share = handouts === 0 ? null : reused / handouts;
  const goal = goalPercent / 100;
  return { handouts, reused, share, goal, reached: share === null ? null : share >= goal };
}
