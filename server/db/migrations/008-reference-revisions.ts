import { sqlMigration } from './migration';

/**
 * The central inventory owns the reference data, and desks fetch only what changed: every row
 * carries the reference revision that last changed it (`GET /v1/reference?since=`). Models gain
 * their price (øre) and tier. Operators are reference data too: who may sign in at a desk, their
 * role, their badge, and their PIN only as a salted scrypt hash (the desk checks it offline).
 */
export const migration = sqlMigration(
  8,
  'reference revisions, model prices, operators',
  `
  ALTER TABLE departments ADD COLUMN revision integer NOT NULL DEFAULT 1;
  ALTER TABLE employees ADD COLUMN revision integer NOT NULL DEFAULT 1;
  ALTER TABLE locations ADD COLUMN revision integer NOT NULL DEFAULT 1;
  ALTER TABLE models ADD COLUMN revision integer NOT NULL DEFAULT 1;
  ALTER TABLE models ADD COLUMN price integer CHECK (price >= 0);
  ALTER TABLE models ADD COLUMN tier text CHECK (tier IN ('standard', 'advanced'));
  CREATE TABLE operators (
    id text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('desk', 'warehouse', 'team_lead')),
    badge text UNIQUE,
    pin_hash text NOT NULL,
    revision integer NOT NULL DEFAULT 1
  );
  `,
);
