import type { Database } from './database';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/migration';

/** Any constant: the advisory lock key that keeps two starting servers from migrating at once. */
const MIGRATION_LOCK = 4_517_001;

export interface MigrationReport {
  applied: number[];
  current: number;
}

/**
 * Brings the schema up to date at start, all in one transaction: either every pending migration
 * is applied and recorded in `schema_migrations`, or none is. Refuses a database whose schema is
 * newer than this code (an older server must not write to it).
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<MigrationReport> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...done);
    if (newest > migrations.length)
      throw new Error(`the database schema is at version ${newest}, newer than this server (${migrations.length})`);
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await m.up(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied, current: migrations.length };
  });
}
