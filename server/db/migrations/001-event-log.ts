import { sqlMigration } from './migration';

/**
 * The event log, its head and the central device projection.
 *
 * `sync_head` is one row holding the last `seq` handed out. Every push locks it first
 * (`SELECT ... FOR UPDATE`) and holds it until COMMIT, so pushes commit one after another in
 * `seq` order: a reader never sees `seq` n+1 before n (no gaps for pull to skip), and numbers are
 * gap-free because a rolled-back push never moved the head. A SEQUENCE would be faster under
 * contention but hands out numbers that concurrent transactions commit out of order, and loses
 * numbers on rollback. Serialising pushes costs little: each is one batched round of statements,
 * and the projection must be updated in server order anyway.
 *
 * Keys are `COLLATE "C"` so device pages are in byte order on PostgreSQL and PGlite alike.
 */
export const migration = sqlMigration(
  1,
  'event log',
  `
  CREATE TABLE sync_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq bigint NOT NULL CHECK (seq >= 0)
  );
  INSERT INTO sync_head (seq) VALUES (0);

  CREATE TABLE events (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    device_key text COLLATE "C" NOT NULL,
    desk_id text NOT NULL,
    type text NOT NULL,
    status text NOT NULL CHECK (status IN ('accepted', 'conflict')),
    reason text,
    reason_code text,
    event jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'conflict') = (reason_code IS NOT NULL))
  );
  CREATE INDEX events_by_device ON events (device_key, seq);
  CREATE INDEX events_conflicts ON events (seq) WHERE status = 'conflict';

  CREATE TABLE devices (
    key text COLLATE "C" PRIMARY KEY,
    seq bigint NOT NULL,
    status text NOT NULL,
    device jsonb NOT NULL
  );
  `,
);
