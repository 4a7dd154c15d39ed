import { sqlMigration } from './migration';

/**
 * Accessories: counted stock, not serialised (`shared/accessories/`). The catalogue is reference
 * data like the models (revisioned, pulled by desks, deactivated rather than deleted). Their
 * events are a stream of their own with its own gap-free `seq` and head row, locked by every push
 * as `sync_head` is (migration 001), so pull never skips one; `delta` is the event's change of
 * the count, `undoes` the receive or issue an undo takes back (once), and `accessory_stock` the projection per location, updated in the same transaction.
 */
export const migration = sqlMigration(
  12,
  'accessories',
  `
  CREATE TABLE accessories (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('charger', 'cable', 'cover', 'other')),
    gtin text CHECK (gtin ~ '^[0-9]{14}( [0-9]{14}){0,4}$'),
    levels text,
    active boolean,
    revision integer NOT NULL DEFAULT 1
  );
  CREATE TABLE accessory_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq bigint NOT NULL CHECK (seq >= 0)
  );
  INSERT INTO accessory_head (seq) VALUES (0);
  CREATE TABLE accessory_events (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    desk_id text NOT NULL,
    type text NOT NULL,
    location text NOT NULL,
    accessory text NOT NULL,
    delta integer NOT NULL,
    -- An undo names the event it takes back; each event can be undone once.
    undoes uuid UNIQUE,
    event jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX accessory_events_by_place ON accessory_events (location, accessory, seq);
  CREATE TABLE accessory_stock (
    location text NOT NULL,
    accessory text NOT NULL,
    count integer NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (location, accessory)
  );
  `,
);
