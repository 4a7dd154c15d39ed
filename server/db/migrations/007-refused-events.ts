import { sqlMigration } from './migration';

/**
 * Events a desk pushed that the server answered `invalid` and did not store, as far as they name
 * an id, a device and the pushing desk: a correction may settle one (`resolves`), and the server
 * checks that it names a conflict or refused event of that desk and device (SYNC.md, "Trust").
 */
export const migration = sqlMigration(
  7,
  'refused events',
  `
  CREATE TABLE refused_events (
    id uuid PRIMARY KEY,
    desk_id text NOT NULL,
    device_key text COLLATE "C" NOT NULL,
    reason_code text NOT NULL,
    refused_at timestamptz NOT NULL DEFAULT now()
  );
  `,
);
