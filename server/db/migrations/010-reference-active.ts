import { sqlMigration } from './migration';

/**
 * Models, locations and departments that devices or events name are deactivated, never deleted:
 * hidden from the desks' pickers, still named where used. Null (every row before this) is active;
 * a write without the field keeps the value (`server/reference/tables.ts`).
 */
export const migration = sqlMigration(
  10,
  'reference rows deactivated',
  `
  ALTER TABLE departments ADD COLUMN active boolean;
  ALTER TABLE locations ADD COLUMN active boolean;
  ALTER TABLE models ADD COLUMN active boolean;
  `,
);
