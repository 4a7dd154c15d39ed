import { sqlMigration } from './migration';

/**
 * The size of each stored event and device as JSON, so pull and device pages stop at a byte
 * budget without turning every row into text first (SYNC.md, "Trust"). Rows stored before this
 * have none; their size is measured when a page reads them (`coalesce` in `sync/read.ts`).
 */
export const migration = sqlMigration(
  6,
  'row bytes',
  `
  ALTER TABLE events ADD COLUMN bytes integer;
  ALTER TABLE devices ADD COLUMN bytes integer;
  `,
);
