import { z } from 'zod';
import type { Device, DeviceKey } from '../domain/device';
import { addDays, countAtOrBefore, dayEnds, localDateSchema, startOfDay, type LocalDate } from './calendar';
import { isStock, stockStatuses, type StockStatus } from './daily-stock';
import { handoutsBefore, undoneBefore, visitHistories, type DeviceHistory, type ReportEvents } from './history';

import { movementAt } from './movements';
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
 * report (see `history.ts`): the devices untouched since the first day add the same to every day;
 * the others are replayed and read at each day's end. `events`: every event of each device with an
 * event at or after the start of the first day.
 */
export function dailyTrends(devices: readonly Device[], events: ReportEvents, options: TrendOptions): TrendReport {
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
  const here = (device: Device | null): StockStatus | null =>
    device && isStock(device.status) && (location === undefined || device.location === location) ? device.status : null;
  const count = (row: TrendRow, status: StockStatus | null): void => {
    if (status === null) return;
    row[status]++;
    row.inStock++;
  };

  const constant: Record<StockStatus, number> = { received: 0, ready: 0, returned: 0 };
  const replayed = (history: DeviceHistory): void => {
    if (!history.complete) {
      const status = here(history.current);
      for (const row of rows) count(row, status);
    } else {
      const { steps } = history;
      let next = 0;
      let state: Device | null = null;
      rows.forEach((row, i) => {
        const end = ends[i] ?? Number.POSITIVE_INFINITY;
        for (let step = steps[next]; step && step.atMs < end; step = steps[++next]) state = step.after;
        count(row, here(state));
      });
    }
    history.steps.forEach((step, index) => {
      if (step.atMs < startMs || step.event.type !== 'handed_out') return;
      const day = countAtOrBefore(ends, step.atMs);
      const row = rows[day];
      if (!row || movementAt(step, location, undoneBefore(history, ends[day] ?? step.atMs)) !== 'handed_out') return;
      if (handoutsBefore(history, index) > 0) row.handedOutReused++;
      else row.handedOutNew++;
    });
  };
  const incomplete = visitHistories(devices, events, startMs, {
    unchanged(device) {
      const status = here(device);
      if (status !== null) constant[status]++;
    },
    changed: replayed,
  });
  for (const row of rows) {
    for (const status of stockStatuses) {
      row[status] += constant[status];
      row.inStock += constant[status];
    }
  }
  return { location: location ?? null, firstDay, lastDay, timeZone, rows, incomplete };
}
