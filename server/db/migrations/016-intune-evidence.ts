import type { Migration } from './migration';

/**
 * The evidence of the last Intune export posted to the reports (`shared/fleet/intune-evidence.ts`):
 * the handed-out devices it showed unused, its file name and day, as the desk keeps them in its
 * settings. One row: a new export replaces it. The unused devices' report and the monthly summary
 * then count them without the ~40 MB file being sent and read again with every question.
 */
export const migration: Migration = {
  version: 16,
  name: 'intune evidence',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE intune_evidence (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        evidence jsonb NOT NULL,
        kept_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
