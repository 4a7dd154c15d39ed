import { inStockStatuses, type DeviceStatus } from '../../shared/domain/device';
import { addDays, daySpan, quarterSpan, startOfDay } from '../../shared/reports/calendar';
import { monthDays } from '../../shared/reports/monthly-summary';
import type { ReportRequest } from './report-request';

/**
 * What a report needs from the store (`shared/reports/README.md`, "What a report needs"):
 *
 * - **events**: every event of each device that has an event at or after `fromMs`;
 * - **devices**: the current projection of every device whose projection can count. A device with
 *   no event since `fromMs` is constant over the report, and it counts only in some statuses: on
 *   the shelf or in repair at the location for the daily report, on the shelf there for the trend,
 *   held by someone for the department report. So the reader takes those by index, plus the
 *   projection of every device the events touch (the report checks its replay against it).
 *   `produce-report.test.ts` checks that the reports come out the same as from every device.
 */
export interface ReadPlan {
  fromMs: number;
  /** Untouched devices that can count: at a location in these statuses, or anywhere in them. */
  devices: { location?: string; statuses: readonly DeviceStatus[] };
  /**
   * The daily report counts at one location until `endMs`: a touched device that provably cannot
   * count there (`read-store.ts`, `cannotCountAt`) is left out, its history unread.
   */
  onlyAt?: { location: string; endMs: number };
}

/** The daily report looks at the shelf and at what was sent to repair from here. */
const dailyStatuses: readonly DeviceStatus[] = [...inStockStatuses, 'in_repair'];

/** The plan of a report read from the log (the fleet reports read every device: `fleet/fleet-report.ts`). */
export function readPlan(request: Exclude<ReportRequest, { kind: 'replacement' | 'intune' | 'unused' }>): ReadPlan {
  const { timeZone } = request.settings;
  switch (request.kind) {
    case 'daily': {
      const { startMs, endMs } = daySpan(request.day, request.day, timeZone);
      return { fromMs: startMs, devices: { location: request.location, statuses: dailyStatuses }, onlyAt: { location: request.location, endMs } };
    }
    case 'trend':
      return {
        fromMs: startOfDay(addDays(request.lastDay, 1 - request.days), timeZone),
        devices: { location: request.location, statuses: inStockStatuses },
      };
    case 'billing':
      return { fromMs: quarterSpan(request.quarter, timeZone).startMs, devices: { statuses: ['assigned'] } };
    case 'statement':
      // The charges come from the quarter's events alone: an untouched device adds none.
      return { fromMs: quarterSpan(request.quarter, timeZone).startMs, devices: { statuses: [] } };
    case 'monthly':
      // Untouched devices count only on a shelf (idle) or at repair (days out), anywhere.
      return { fromMs: startOfDay(monthDays(request.month).firstDay, timeZone), devices: { statuses: dailyStatuses } };
  }
}
