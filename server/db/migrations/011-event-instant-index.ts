import { sqlMigration } from './migration';

/**
 * The reports ask which devices have an accepted event at or after an instant (`server/reports/
 * read.ts`): without an index that is the event's `at` cast for every row of the log, most of a
 * report's read. `(event->>'at')::timestamptz` itself cannot be indexed (a text cast is only
 * STABLE: it depends on the session's TimeZone for a time without an offset), so it is wrapped in
 * a function declared IMMUTABLE. That holds for the stored events: their `at` passed the event
 * schema, which requires an offset (`isoTimestampSchema`), so the cast never reads TimeZone. The
 * device key rides in the index so the touched devices are found from the index alone. Not a
 * partial index (`WHERE status = 'accepted'`): PostgreSQL ignores a partial index's statistics of
 * its expression, so it would guess a third of the log and read every event for a day's report.
 */
export const migration = sqlMigration(
  11,
  'event instant index',
  `
  CREATE FUNCTION event_instant(event jsonb) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (event->>'at')::timestamptz $$;
  CREATE INDEX events_by_instant ON events (event_instant(event), device_key);
  `,
);
