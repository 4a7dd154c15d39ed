import type { Migration } from './migration';

/**
 * The rest of each device's digest in `report_rows` (`shared/reports/device-digest.ts`), so the
 * monthly summary and the department statement are summed from the rows as on the desk instead of
 * replaying the touched devices' histories:
 * - `r` a span out for repair (`start_ms`–`end_ms`, `since_ms`, `vendor` the new column, `model`);
 * - `m` an event the summary or the statement counts (`place` its type, `end_ms` its instant), the
 *   mark whole in `mark` (jsonb): a return, a repair, a disposal with its certificate, or a
 *   residual-value charge with the holder and the purchase date and price.
 * The `x` part (devices applied out of `at` order, which the replay of those reports needed) goes.
 *
 * The rows are emptied and marked stale: `ensureReportRows` rebuilds them from the log when the
 * database is opened, in the form the code of the day writes (`REPORT_ROWS_VERSION`), as after a
 * new digest version.
 */
export const migration: Migration = {
  version: 14,
  name: 'report rows: repairs and marks',
  async up(tx) {
    await tx.exec(`
      DELETE FROM report_rows;
      UPDATE report_rows_state SET version = 0;
      ALTER TABLE report_rows ADD COLUMN vendor text, ADD COLUMN mark jsonb;
      ALTER TABLE report_rows DROP CONSTRAINT report_rows_part_check;
      ALTER TABLE report_rows ADD CONSTRAINT report_rows_part_check CHECK (part IN ('h', 's', 'r', 'o', 'm', 'i', 'u'));
    `);
  },
};
