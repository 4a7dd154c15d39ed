import { seedDepartments } from '../../../shared/domain/reference';
import type { Migration } from './migration';

/** The nine forvaltninger of the seeds, so a new central inventory has departments from day one. */
export const migration: Migration = {
  version: 4,
  name: 'seed departments',
  async up(tx) {
    await tx.query(
      `INSERT INTO departments (id, name, devices_june_2023)
       SELECT id, name, "devicesJune2023"
       FROM jsonb_to_recordset($1::jsonb) AS d(id text, name text, "devicesJune2023" integer)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(seedDepartments)],
    );
    await tx.query('UPDATE reference_revision SET revision = revision + 1');
  },
};
