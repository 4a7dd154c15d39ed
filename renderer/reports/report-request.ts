import { z } from 'zod';
import { localDateSchema, quarterSchema } from '../../shared/reports/calendar';
import type { DailyStockReport } from '../../shared/reports/daily-stock';
import type { DepartmentBillingReport } from '../../shared/reports/department-billing';
import { monthSchema, type MonthlySummary } from '../../shared/reports/monthly-summary';
import type { ResidualCharge } from '../../shared/fleet/residual-charges';
import { reportSettingsSchema } from '../../shared/reports/settings';
import { reportFileLimits } from '../../shared/domain/limits';
import type { IntuneResult, ReplacementResult } from './fleet/fleet-report';
import type { UnusedResult } from './fleet/unused-report';
import type { TrendReport } from '../../shared/reports/trends';

/**
 * What the reports screen asks for. Each request is read from the local store in one readonly
 * transaction and computed with the pure functions of `shared/reports`, in a worker.
 *
 * - `daily`: the daily stock report of a location and a day (also the overview's figures);
 * - `trend`: stock and handouts per day over the `days` days ending on `lastDay` (the overview's
 *   charts): asked for apart from the day's figures, which come back far sooner;
 * - `billing`: the department report of a quarter;
 * - `monthly`: the monthly summary (with its quarter's department totals), as of `today`;
 * - `statement`: the department report of a quarter and its residual-value charges, from which
 *   the page makes each department's statement;
 * - `replacement`: the replacement plan as of `today` and every device's residual value `on` a day;
 * - `intune`: an Intune export reconciled with the register;
 * - `unused`: the devices idle on the shelf over the idle limit and those handed out but unused
 *   by the last reconciliation's evidence, by department, as of `today`.
 */
export const reportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), location: z.string().min(1), day: localDateSchema, settings: reportSettingsSchema }),
  z.object({
    kind: z.literal('trend'),
    location: z.string().min(1),
    lastDay: localDateSchema,
    days: z.number().int().min(1).max(366).default(30),
    settings: reportSettingsSchema,
  }),
  z.object({ kind: z.literal('billing'), quarter: quarterSchema, settings: reportSettingsSchema }),
  z.object({ kind: z.literal('monthly'), month: monthSchema, today: localDateSchema, settings: reportSettingsSchema }),
  z.object({ kind: z.literal('statement'), quarter: quarterSchema, settings: reportSettingsSchema }),
  z.object({ kind: z.literal('replacement'), today: localDateSchema, on: localDateSchema, settings: reportSettingsSchema }),
  /** `file`: an Intune "All devices" export as read from disk (read in the worker too); `at`: when it was loaded. */
  z.object({ kind: z.literal('intune'), file: z.string().max(reportFileLimits.maxChars), at: z.number().int(), settings: reportSettingsSchema }),
  z.object({ kind: z.literal('unused'), today: localDateSchema, settings: reportSettingsSchema }),
]);
export type ReportRequest = z.infer<typeof reportRequestSchema>;
export type ReportRequestInput = z.input<typeof reportRequestSchema>;

/** Where the time went and how much was read: shown small on the screen, read by the benchmark. */
export interface ReportTimings {
  readMs: number;
  computeMs: number;
  devices: number;
  events: number;
  /** Devices with an event since the report's start, whose whole history was read. */
  histories: number;
  /** Report rows read instead (`renderer/store/report-rows.ts`): then `events` and `histories` are 0. */
  rows?: number;
  /** From asking to having the report on the page (set by the runner; the worker's part is read + compute). */
  roundTripMs?: number;
  /**
   * The worker's part and the way between (set by the worker and the runner): `workMs` from the
   * job's arrival in the worker to its answer posted, `packMs` of it to pack the answer
   * (`report-transfer.ts`), `handoverMs` the rest of the round trip — the job's and the answer's
   * messages and the records put back in the page. (The worker's clock and the page's are not
   * compared: the bench stands the page's still.)
   */
  workMs?: number;
  packMs?: number;
  handoverMs?: number;
  /** The Intune reconciliation's computation in its two halves: reading the file, matching its lines. */
  parseMs?: number;
  matchMs?: number;
}

export type ReportResult =
  | { kind: 'daily'; report: DailyStockReport; timings: ReportTimings }
  | { kind: 'trend'; report: TrendReport; timings: ReportTimings }
  | { kind: 'billing'; report: DepartmentBillingReport; timings: ReportTimings }
  | { kind: 'monthly'; report: MonthlySummary; timings: ReportTimings }
  | { kind: 'statement'; report: StatementInputs; timings: ReportTimings }
  | { kind: 'replacement'; report: ReplacementResult; timings: ReportTimings }
  | { kind: 'intune'; report: IntuneResult; timings: ReportTimings }
  | { kind: 'unused'; report: UnusedResult; timings: ReportTimings };

/** What the department statements of a quarter are made from. */
export interface StatementInputs {
  billing: DepartmentBillingReport;
  charges: ResidualCharge[];
  /** Devices whose history is incomplete in the bill or the charges. */
  incomplete: string[];
}

/** Reading and computing, as a progress bar shows it: a phase, and for the long one a count. */
export const reportProgressSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('events') }),
  z.object({ phase: z.literal('histories'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** One pass over the whole events store (many devices touched): how far it has got, 0..1. */
  z.object({ phase: z.literal('scanning'), share: z.number().min(0).max(1) }),
  z.object({ phase: z.literal('devices') }),
  /** Building the reports' rows from the whole log (once: a new store, a new digest version, a bootstrap). */
  z.object({ phase: z.literal('indexing'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  z.object({ phase: z.literal('computing') }),
]);
export type ReportProgress = z.infer<typeof reportProgressSchema>;
