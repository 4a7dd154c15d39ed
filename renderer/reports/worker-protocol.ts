import { z } from 'zod';
import { reportProgressSchema, reportRequestSchema, type ReportResult } from './report-request';

/**
 * What goes between the reports screen and its worker: a job (which store, which report) in; its
 * progress, then its result or its failure, out. Both ends are this app's own bundle; the result
 * is checked for its envelope only, since a quarter's report holds tens of thousands of rows and
 * comes from the same pure functions the unit tests check.
 */
export const reportJobSchema = z.object({
  id: z.number().int(),
  dbName: z.string().min(1),
  request: reportRequestSchema,
});
export type ReportJob = z.infer<typeof reportJobSchema>;

const reportResultEnvelope = z.custom<ReportResult>(
  (value) => typeof value === 'object' && value !== null && 'kind' in value && 'timings' in value,
  'a report result',
);

export const reportWorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: z.number().int(), progress: reportProgressSchema }),
  z.object({ type: z.literal('done'), id: z.number().int(), result: reportResultEnvelope }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type ReportWorkerMessage = z.infer<typeof reportWorkerMessageSchema>;
