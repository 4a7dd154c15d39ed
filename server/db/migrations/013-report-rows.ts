import type { Migration } from './migration';

/**
 * The reports' digests of every device (`shared/reports/device-digest.ts`), kept beside the log
 * so the department report, the trend, the monthly summary and the statement read a few indexed
 * rows instead of replaying the log (`server/reports/rows.ts`, which also keeps them with every
 * write of the log). One row per span, as the desk keeps them (`renderer/store/report-rows.ts`):
 * `part` `h` a holding (`start_ms`–`end_ms`, department, holder, kind, model), `s` a shelf span
 * (`place` the location, `status`, `since_ms` the status's start), `o` a handout (`place`, `end_ms`
 * its instant, `reused`, `kind`, `model`, `undone_flips`), `i` / `u` an incomplete / unprojected device, `x` one whose events were applied
 * out of the order of their `at` (`end_ms` its latest event's `at`).
 * Open ends are ±Infinity (float8 has them). Found by `(part, place, end_ms)`: what reaches into
 * a period is what ends after its start. `report_rows_state` holds the version the rows were
 * built with: rows of another version are rebuilt from the log (`ensureReportRows`).
 *
 * Also an index of the projections by status and location: the daily report and the monthly
 * summary read the untouched devices on a shelf or at repair (at a location) by it.
 *
 * The rows are built from the log by `ensureReportRows` when the database is opened (their version
 * here is 0): not here, since the code of the day writes the rows in the form of the latest
 * migration (014's columns), which this one's table has not got yet.
 */
export const migration: Migration = {
  version: 13,
  name: 'report rows',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE report_rows (
        device_key text COLLATE "C" NOT NULL,
        part char(1) NOT NULL CHECK (part IN ('h', 's', 'o', 'i', 'u', 'x')),
        place text COLLATE "C" NOT NULL DEFAULT '',
        start_ms double precision,
        end_ms double precision NOT NULL,
        since_ms double precision,
        kind text,
        model text,
        department text,
        employee_id text,
        status text,
        reused boolean,
        undone_flips jsonb
      );
      CREATE INDEX report_rows_by_end ON report_rows (part, place, end_ms);
      CREATE INDEX report_rows_by_device ON report_rows (device_key);
      CREATE TABLE report_rows_state (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        version integer NOT NULL
      );
      INSERT INTO report_rows_state (version) VALUES (0);
      -- The untouched devices a report reads (on a shelf or at repair, at a location): by index.
      CREATE INDEX devices_by_status_location ON devices (status, (device->>'location'));
    `);
  },
};
